import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', 'node_modules/**', '.redlens/**', '.reports/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
  {
    // Playwright fixtures call their callback `use`, which is not React's hook.
    files: ['e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // The browser never talks to Redis: components reach data through lib/queries only.
    files: ['components/**', 'app/**/page.tsx', 'app/**/layout.tsx', 'app/providers.tsx', 'lib/queries/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['ioredis', 'ioredis/*'], message: 'components never import ioredis' },
            { group: ['@/lib/redis/*', '**/lib/redis/*'], message: 'components never import server-side Redis code' },
            { group: ['@/lib/config/*', '@/lib/http/*'], message: 'server-only module' },
          ],
        },
      ],
    },
  },
];

export default config;
