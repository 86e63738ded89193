// A child process that plays the application for test/own-traffic.int.test.ts: a steady rate of
// GETs, three of keys that exist to one of a key that does not (a hit ratio of exactly 0.75), on
// a connection named `app`. A process of its own so the test's Redlens work (a key listing that
// parses thousands of replies) cannot slow it down. argv: <port> <iterations per second>.
// Prints "ready" once connected; runs until killed.
import Redis from 'ioredis';

const [port, perSecond] = process.argv.slice(2).map(Number);
const redis = new Redis({ host: '127.0.0.1', port, connectionName: 'app', lazyConnect: true });
await redis.connect();
process.stdout.write('ready\n');

const started = performance.now();
let done = 0;
// Paced on an absolute schedule: a late tick sends what is due, so the rate holds on average.
setInterval(() => {
  const due = Math.floor(((performance.now() - started) / 1000) * perSecond) - done;
  if (due <= 0) return;
  const pipeline = redis.pipeline();
  for (let i = 0; i < due; i++) pipeline.get('app:hit:0').get('app:hit:1').get('app:hit:2').get('app:missing');
  done += due;
  pipeline.exec().catch(() => undefined);
}, 5);
