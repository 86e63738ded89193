// Sentinel and cluster instances in REDLENS_CONFIG (SPEC section 6): {id, name, sentinels,
// masterName, url?} and {id, name, cluster: [seed urls]}.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load';
import { parseSentinelAddress } from './schema';

const dir = mkdtempSync(path.join(tmpdir(), 'redlens-sentinel-config-'));
function load(instances: unknown[]) {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify({ instances }));
  return loadConfig({ REDLENS_CONFIG: file });
}

function errorOf(instances: unknown[]): string {
  try {
    load(instances);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('loadConfig accepted a bad configuration');
}

describe('Sentinel instances', () => {
  it('reads the sentinels and the master name; credentials and db from the url', () => {
    const config = load([
      { id: 'orders', name: 'Orders', sentinels: ['10.0.0.5:26379', 'sentinel-b.internal:26380', '[::1]:26381'], masterName: 'orders-master', url: 'redis://:s3cret@ignored/2' },
    ]);
    expect(config.instances).toEqual([{
      id: 'orders',
      name: 'Orders',
      url: 'redis://:s3cret@ignored/2',
      sentinel: {
        sentinels: [{ host: '10.0.0.5', port: 26379 }, { host: 'sentinel-b.internal', port: 26380 }, { host: '::1', port: 26381 }],
        masterName: 'orders-master',
      },
    }]);
  });

  it('keeps the sentinels\' own credentials apart from the master\'s', () => {
    const [instance] = load([{ id: 's', sentinels: ['127.0.0.1:26379'], masterName: 'm', sentinelUsername: 'watcher', sentinelPassword: 'pw' }]).instances;
    expect(instance?.sentinel).toEqual({ sentinels: [{ host: '127.0.0.1', port: 26379 }], masterName: 'm', username: 'watcher', password: 'pw' });
  });

  it('needs no url, and is named after its master group by default', () => {
    const [instance] = load([{ id: 's', sentinels: ['127.0.0.1:26379'], masterName: 'mymaster' }]).instances;
    expect(instance).toMatchObject({ id: 's', name: 'mymaster (sentinel)', sentinel: { masterName: 'mymaster' } });
    expect(instance?.url).toMatch(/^redis:\/\/[^:@]+$/); // no credentials, db 0, no TLS
  });

  it.each([
    [[{ id: 's', sentinels: ['127.0.0.1:26379'] }], 'instances[0].masterName: is required with sentinels'],
    [[{ id: 's', masterName: 'mymaster' }], 'instances[0].sentinels: is required with masterName'],
    [[{ id: 's', sentinels: [], masterName: 'mymaster' }], 'instances[0].sentinels: needs at least one "host:port"'],
    [[{ id: 's', sentinels: ['127.0.0.1'], masterName: 'mymaster' }], 'instances[0].sentinels[0]: "127.0.0.1" is not host:port'],
    [[{ id: 's', sentinels: ['127.0.0.1:26379', 'redis://x:1'], masterName: 'mymaster' }], 'instances[0].sentinels[1]: "redis://x:1" is not host:port'],
    [[{ id: 's', sentinels: ['127.0.0.1:70000'], masterName: 'mymaster' }], 'instances[0].sentinels[0]: "127.0.0.1:70000" is not host:port'],
    [[{ id: 's', sentinels: ['127.0.0.1:26379'], masterName: 'my master' }], 'instances[0].masterName: must be the master group name'],
    [[{ id: 's', sentinels: ['127.0.0.1:26379'], masterName: 'm', url: 'http://x' }], 'instances[0].url: must start with redis://'],
    [[{ id: 's', sentinels: '127.0.0.1:26379', masterName: 'm' }], 'instances[0].sentinels:'],
    [[{ id: 'plain' }], 'instances[0].url: is required'],
    [[{ id: 'plain', url: 'redis://x', sentinelPassword: 'pw' }], 'instances[0].sentinelPassword: is only for a Sentinel instance'],
    [[{ id: 's', sentinels: ['127.0.0.1:26379'], masterName: 'm', sentinelPassword: '' }], 'instances[0].sentinelPassword:'],
  ])('names the field of a bad Sentinel instance: %j', (instances, expected) => {
    expect(errorOf(instances)).toContain(expected);
  });

});

describe('cluster instances', () => {
  it('reads the seeds; the first carries the credentials and names the instance', () => {
    const config = load([{ id: 'shop', cluster: ['redis://:pw@10.0.0.1:7000', 'redis://:pw@10.0.0.2:7000'] }]);
    expect(config.instances).toEqual([{ id: 'shop', name: '10.0.0.1:7000 (cluster)', url: 'redis://:pw@10.0.0.1:7000', cluster: { seeds: ['redis://:pw@10.0.0.1:7000', 'redis://:pw@10.0.0.2:7000'] } }]);
  });

  it.each([
    [[{ id: 'c', cluster: [] }], 'instances[0].cluster: needs at least one seed url'],
    [[{ id: 'c', cluster: ['http://x'] }], 'instances[0].cluster[0]: must start with redis://'],
    [[{ id: 'c', cluster: ['redis://x'], url: 'redis://x' }], 'instances[0].url: is not used with cluster'],
    [[{ id: 'c', cluster: ['redis://x:7000/2'] }], 'instances[0].cluster[0]: names a db: a Redis Cluster has only db 0'],
    [[{ id: 'c', cluster: ['redis://x', 'rediss://y'] }], 'instances[0].cluster: mixes redis:// and rediss://'],
    [[{ id: 'c', cluster: ['redis://x'], sentinels: ['x:26379'], masterName: 'm' }], 'instances[0].sentinels: cannot be combined with cluster'],
    [[{ id: 'c', cluster: ['redis://x'], tls: { rejectUnauthorized: false } }], 'instances[0].tls: needs a rediss:// url'],
  ])('names the field of a bad cluster instance: %j', (instances, expected) => {
    expect(errorOf(instances)).toContain(expected);
  });
});

describe('parseSentinelAddress', () => {
  it.each([
    ['127.0.0.1:26379', { host: '127.0.0.1', port: 26379 }],
    ['sentinel_1.example-dc:1', { host: 'sentinel_1.example-dc', port: 1 }],
    ['[fe80::1]:26379', { host: 'fe80::1', port: 26379 }],
  ])('splits %s', (value, expected) => {
    expect(parseSentinelAddress(value)).toEqual(expected);
  });

  it.each(['', ':26379', 'host:', 'host:0', 'host:65536', 'fe80::1:26379', 'a b:1', 'host:26379/0'])('refuses %j', (value) => {
    expect(parseSentinelAddress(value)).toBeNull();
  });
});
