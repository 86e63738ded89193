// The 1,000,000-key dataset of bench/keys (the same names, types, sizes and TTLs), seeded through
// redis-cli --pipe, for every bench that needs it (bench/keys, bench/analysis). 70 % strings
// (half with a TTL), hashes, lists, sets with a TTL, zsets, streams.
import { spawn } from 'node:child_process';
import { once } from 'node:events';

function resp(args) {
  let out = `*${args.length}\r\n`;
  for (const arg of args) out += `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`;
  return out;
}

export function commandsFor(i) {
  const bucket = i % 100;
  const ttl = String(3600 + (i % 86_400));
  if (bucket < 70) {
    const name = `cache:recipe:${i}`;
    const value = `{"id":${i},"title":"Recipe ${i}","kcal":${200 + (i % 600)},"tags":["quick","vegan"]}`;
    return [i % 2 === 0 ? ['SET', name, value, 'EX', ttl] : ['SET', name, value]];
  }
  if (bucket < 80) return [['HSET', `user:${i}:preferences`, 'diet', 'vegan', 'kcal', '2000', 'allergens', 'nuts', 'units', 'metric', 'lang', 'en']];
  if (bucket < 88) return [['RPUSH', `queue:mealplan:${i}`, 'a', 'b', 'c', 'd', 'e']];
  if (bucket < 94) return [['SADD', `tags:recipe:${i}`, 'vegan', 'keto', 'quick', 'lunch', 'dinner'], ['EXPIRE', `tags:recipe:${i}`, ttl]];
  if (bucket < 99) return [['ZADD', `popular:recipes:${i}`, '1', 'r1', '2', 'r2', '3', 'r3', '4', 'r4', '5', 'r5']];
  return [['XADD', `events:progress:${i}`, '*', 'type', 'weight', 'kg', '72.5']];
}

/** Seeds `keys` keys into the redis-server on `port` through redis-cli --pipe. */
export async function seed(port, keys) {
  const child = spawn('redis-cli', ['-p', String(port), '--pipe'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  let batch = '';
  let commands = 0;
  for (let i = 0; i < keys; i += 1) {
    for (const command of commandsFor(i)) {
      batch += resp(command);
      commands += 1;
    }
    if (commands % 20_000 === 0 || i === keys - 1) {
      if (!child.stdin.write(batch)) await once(child.stdin, 'drain');
      batch = '';
    }
  }
  if (batch) child.stdin.write(batch);
  child.stdin.end();
  await once(child, 'exit');
  if (!/errors: 0/.test(output)) throw new Error(`redis-cli --pipe reported errors: ${output}`);
}
