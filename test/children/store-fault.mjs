// Child process of lib/store/store-faults.int.test.ts: opens the store as the server does and
// reads and writes on the parent's command, so a fault that kills a process (SIGBUS) kills this
// child, not the test runner. Loads the TypeScript modules with jiti.
import path from 'node:path';
import { createJiti } from 'jiti';

const root = path.resolve(import.meta.dirname, '..', '..');
const jiti = createJiti(import.meta.url, { alias: { '@': root, 'server-only': path.join(root, 'test/server-only-stub.ts') } });
const { openStore } = await jiti.import(path.join(root, 'lib/store/sqlite.ts'));
const { StoreHealth, currentStoreHealth, noteStoreFailure, watchStore } = await jiti.import(path.join(root, 'lib/store/store-health.ts'));

const dataDir = process.argv[2];
const store = openStore(dataDir);
store.exec('CREATE TABLE IF NOT EXISTS probe_rows (v TEXT NOT NULL)');
watchStore(new StoreHealth(store, dataDir));

const operations = {
  write: () => {
    try {
      store.prepare('INSERT INTO probe_rows (v) VALUES (?)').run(`row ${Date.now()}`);
      return { ok: true };
    } catch (error) {
      noteStoreFailure(error);
      return { ok: false, code: error.code };
    }
  },
  read: () => ({ rows: store.prepare('SELECT count(*) FROM probe_rows').pluck().get() }),
  status: () => currentStoreHealth().status(),
  check: () => currentStoreHealth().check(),
};

process.on('message', ({ id, op }) => {
  let reply;
  try {
    reply = operations[op]();
  } catch (error) {
    reply = { thrown: String(error?.code ?? error?.message ?? error) };
  }
  process.send({ id, reply });
});
process.send({ ready: true });
