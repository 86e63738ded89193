// A child process that runs one slow log reset (lib/slowlog/live.ts archiveAndReset) against a
// real Redis and store, for lib/slowlog/reset-kill.int.test.ts to SIGKILL at a random moment.
// argv: <data dir> <redis url>. Prints "ready" once connected, then the result as JSON.
import path from 'node:path';
import { createJiti } from 'jiti';

const root = path.resolve(import.meta.dirname, '../..');
const jiti = createJiti(import.meta.url, { alias: { '@': root, 'server-only': path.join(root, 'test/server-only-stub.ts') } });
const [dataDir, url] = process.argv.slice(2);
const { openStore } = await jiti.import(path.join(root, 'lib/store/sqlite.ts'));
const { SlowlogArchive } = await jiti.import(path.join(root, 'lib/slowlog/archive.ts'));
const { Registry } = await jiti.import(path.join(root, 'lib/redis/registry.ts'));
const { archiveAndReset } = await jiti.import(path.join(root, 'lib/slowlog/live.ts'));

const archive = new SlowlogArchive(openStore(dataDir));
const registry = new Registry([{ id: 's', name: 's', url }]);
const instance = registry.get('s');
await instance.run((client) => client.ping());
process.stdout.write('ready\n');
const started = performance.now();
const result = await archiveAndReset(instance, archive);
process.stdout.write(`${JSON.stringify({ ...result, ms: performance.now() - started })}\n`);
process.exit(0);
