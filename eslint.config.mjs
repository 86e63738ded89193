import { builtinModules } from 'node:module';
import path from 'node:path';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// The server/browser boundary, in two rules (ARCHITECTURE.md):
// 1. `redlens/server-only`: a module of lib/ or app/ that imports ioredis, better-sqlite3, a Node
//    built-in or lib/server starts with `import 'server-only'`, so Next fails the build if browser
//    code ever reaches it, even through other modules; a 'use client' module imports none of them.
// 2. `no-restricted-imports`: browser code (components/, lib/queries/, app/providers.tsx, and
//    pages and layouts, which render client components) imports no server module by name.

const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith('_'));
const SERVER_DIR = path.join(import.meta.dirname, 'lib', 'server') + path.sep;

/** What makes an import server-only ('ioredis', 'a Node built-in', ...), or null. */
function serverOnlyReason(source, filename) {
  if (source === 'ioredis' || source.startsWith('ioredis/')) return 'ioredis';
  if (source === 'better-sqlite3') return 'better-sqlite3';
  if (source.startsWith('node:') || NODE_BUILTINS.includes(source.split('/')[0])) return 'a Node built-in';
  if (source.startsWith('@/lib/server/')) return 'lib/server';
  if (source.startsWith('.') && path.resolve(path.dirname(filename), source).startsWith(SERVER_DIR)) return 'lib/server';
  return null;
}

const serverOnlyRule = {
  meta: {
    type: 'problem',
    docs: { description: "modules that import server-only code start with import 'server-only'" },
    schema: [],
  },
  create(context) {
    let firstImport = null;
    let marker = null;
    let found = null;
    const check = (node) => {
      const source = node.source?.type === 'Literal' ? node.source.value : null;
      if (typeof source !== 'string' || found) return;
      const reason = serverOnlyReason(source, context.filename);
      if (reason) found = { node, source, reason };
    };
    return {
      ImportDeclaration(node) {
        firstImport ??= node;
        if (node.source.value === 'server-only') marker ??= node;
        else check(node);
      },
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
      'Program:exit'(program) {
        if (!found) return;
        const { node, source, reason } = found;
        const client = program.body.some((statement) => statement.directive === 'use client');
        if (client) {
          context.report({ node, message: `A 'use client' module cannot import ${reason} ('${source}'): it would run in the browser.` });
        } else if (!marker) {
          context.report({ node, message: `Imports ${reason} ('${source}'): start the file with import 'server-only'.` });
        } else if (marker !== firstImport) {
          context.report({ node: marker, message: "import 'server-only' must be the file's first import." });
        }
      },
    };
  },
};

// lib/ folders whose modules run only on the server, each with the files the browser shares
// (shapes and pure helpers). A folder is closed by default: a new server file there is covered
// without a change here, and a new browser-shared file is added to its list.
const SERVER_FOLDERS = {
  server: [],
  redis: [],
  http: [],
  config: [],
  store: [],
  sampler: [],
  auth: [],
  audit: ['types'],
  slowlog: ['types', 'buckets', 'own'],
  history: ['types'],
  health: ['types'],
  events: ['types'],
  changes: ['types'],
  fleet: ['types'],
  jobs: ['types'],
  analysis: ['types', 'namespace'],
  'bulk-delete': ['types'],
  'config-audit': ['types', 'allowlist', 'memory-size'],
  commands: ['types', 'ping-summary'],
  clients: ['types', 'constants'],
  report: ['types', 'week', 'format', 'markdown'],
  delivery: ['types'],
  metrics: [],
};

/** no-restricted-imports patterns for browser code; `allow` re-opens modules (e.g. for server pages). */
function browserRestrictions(allow = []) {
  const folderGroup = (folder, shared) => [
    `@/lib/${folder}/*`,
    `**/lib/${folder}/*`,
    ...[...shared.map((file) => `lib/${folder}/${file}`), ...allow.filter((m) => m.startsWith(`lib/${folder}/`))].flatMap(
      (module) => [`!@/${module}`, `!**/${module}`],
    ),
  ];
  return [
    'error',
    {
      patterns: [
        { group: ['ioredis', 'ioredis/*'], message: 'components never import ioredis' },
        { group: ['better-sqlite3'], message: 'the browser never opens the store' },
        { regex: `^(node:.*|(${NODE_BUILTINS.join('|')})(/.*)?)$`, message: 'Node built-ins run on the server only' },
        ...Object.entries(SERVER_FOLDERS).map(([folder, shared]) => ({
          group: folderGroup(folder, shared),
          message:
            folder === 'redis'
              ? 'components never import server-side Redis code'
              : `server-only module: browser code reaches the server through lib/queries (and the API)${shared.length ? `; of lib/${folder} it may import ${shared.join(', ')}` : ''}`,
        })),
      ],
    },
  ];
}

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
    files: ['lib/**/*.{ts,tsx}', 'app/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    plugins: { redlens: { rules: { 'server-only': serverOnlyRule } } },
    rules: { 'redlens/server-only': 'error' },
  },
  {
    // The browser never talks to Redis: components reach data through lib/queries only.
    files: ['components/**', 'app/providers.tsx', 'lib/queries/**'],
    rules: { 'no-restricted-imports': browserRestrictions() },
  },
  {
    // Pages and layouts are server components that render the feature UI; the signed-in user is
    // the one thing they read on the server. A 'use client' page importing it is caught by
    // redlens/server-only.
    files: ['app/**/{page,layout,template,not-found,error,global-error,loading,default}.tsx'],
    rules: { 'no-restricted-imports': browserRestrictions(['lib/server/page-session']) },
  },
];

export default config;
