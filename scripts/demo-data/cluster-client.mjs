// The demo's seed and workload on a Redis Cluster (`npm run demo -- --cluster`): they were written
// for one Redis with pipelines and two dbs. A cluster has only db 0 and an ioredis pipeline must
// stay in one slot, so this wraps an ioredis Cluster client: SELECT is a no-op (every db's keys go
// to db 0; their names do not collide), `duplicate` is the same client, and a pipeline queues its
// commands and sends them together on exec (the client's auto-pipelining batches them per node).

/**
 * @param {import('ioredis').Cluster} cluster
 * @param {string} connectionName the name the workload's duplicates derive theirs from
 */
export function demoClusterClient(cluster, connectionName) {
  const wrapper = new Proxy(cluster, {
    get(target, property) {
      if (property === 'select') return async () => 'OK';
      if (property === 'pipeline') return () => queuedBatch(target);
      if (property === 'duplicate') return () => wrapper;
      if (property === 'options') return { connectionName };
      const value = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return wrapper;
}

/** A pipeline look-alike: commands queued, then sent at once; exec answers [[error, result], ...]. */
function queuedBatch(cluster) {
  const calls = [];
  const batch = new Proxy({}, {
    get(_target, property) {
      if (property === 'length') return calls.length;
      if (property === 'exec') {
        return () => Promise.all(calls.map((send) => send().then((result) => [null, result], (error) => [error, null])));
      }
      return (...args) => {
        calls.push(() => cluster[property](...args));
        return batch;
      };
    },
  });
  return batch;
}
