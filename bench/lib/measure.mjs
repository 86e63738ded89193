// What every bench measures the same way: the command line's options, number formatting, and a
// piece of work's wall time with the Redis CPU it cost (INFO cpu before and after).

/** `--name N` from the command line, or the fallback. */
export const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};

export const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** used_cpu_sys + used_cpu_user of the Redis `redis` talks to, in seconds. */
export async function redisCpuSeconds(redis) {
  const info = await redis.info('cpu');
  const value = (name) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0);
  return value('used_cpu_sys') + value('used_cpu_user');
}

/** Runs `work`, and answers its result with its wall time (ms) and the Redis CPU it cost (s). */
export async function measure(redis, work) {
  const cpuBefore = await redisCpuSeconds(redis);
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  const cpu = (await redisCpuSeconds(redis)) - cpuBefore;
  return { ms, cpu, ...result };
}
