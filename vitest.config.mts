import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;
const shared = {
  resolve: {
    alias: {
      '@': root,
      'server-only': path.join(root, 'test/server-only-stub.ts'),
    },
  },
};

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'components/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/*.load.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        ...shared,
        test: {
          name: 'integration',
          include: ['**/*.int.test.ts'],
          exclude: ['node_modules/**', 'e2e/**'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // Each file starts its own redis-server; two cores, so keep it to two at a time.
          maxWorkers: 2,
        },
      },
      {
        // Behaviour under load that is measured in time (event-loop blocks, other clients' PING
        // latency): one file at a time, so a neighbour's million-row insert is not what is measured.
        ...shared,
        test: {
          name: 'load',
          include: ['**/*.load.test.ts'],
          exclude: ['node_modules/**', 'e2e/**'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // Benchmarks report figures; they are not part of `npm test` (npm run bench).
        ...shared,
        test: { name: 'bench', include: ['bench/**/*.bench.ts'], environment: 'node', testTimeout: 3_600_000 },
      },
    ],
  },
});
