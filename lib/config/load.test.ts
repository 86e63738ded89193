import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load';
import { describeRedisUrl } from './redis-url';

const dir = mkdtempSync(path.join(tmpdir(), 'redlens-config-'));
function configFile(content: unknown): string {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function errorOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('loadConfig accepted a bad configuration');
}

describe('loadConfig', () => {
  it('makes REDIS_URL the instance "default"', () => {
    const config = loadConfig({ REDIS_URL: 'redis://:secret@127.0.0.1:6390/2', REDLENS_DATA_DIR: '/tmp/x' });
    expect(config.instances).toEqual([{ id: 'default', name: '127.0.0.1:6390/2', url: 'redis://:secret@127.0.0.1:6390/2' }]);
    expect(config.dataDir).toBe('/tmp/x');
  });

  it('accepts REDLENS_REDIS_URL too', () => {
    expect(loadConfig({ REDLENS_REDIS_URL: 'redis://localhost' }).instances[0]?.id).toBe('default');
  });

  it('reads many instances, TLS and ACL users from REDLENS_CONFIG', () => {
    const file = configFile({
      instances: [
        { id: 'cache', name: 'Cache', url: 'redis://127.0.0.1:6379' },
        { id: 'sessions', url: 'rediss://redlens:p%40ss@redis.internal:6380/1' },
      ],
    });
    const config = loadConfig({ REDLENS_CONFIG: file });
    expect(config.instances.map((i) => [i.id, i.name])).toEqual([
      ['cache', 'Cache'],
      ['sessions', 'redis.internal:6380/1'],
    ]);
  });

  it.each([
    [{ instances: [{ id: 'a', url: 'http://x' }] }, 'instances[0].url: must start with redis:// or rediss://'],
    [{ instances: [{ id: 'bad id!', url: 'redis://x' }] }, 'instances[0].id:'],
    [{ instances: [{ id: 'a', url: 'redis://x/abc' }] }, 'instances[0].url: has "/abc"'],
    [{ instances: [{ id: 'a', url: 'redis://x' }, { id: 'a', url: 'redis://y' }] }, 'instances[1].id: "a" is used twice'],
    [{ instances: [] }, 'instances: needs at least one instance'],
    [{ instances: [{ id: 'a', url: 'redis://x', colour: 'red' }] }, 'instances[0]: Unrecognized key: "colour"'],
    [{ instances: [{ id: 'c', cluster: ['redis://x'], url: 'redis://x' }] }, 'instances[0].url: is not used with cluster'],
    [{ instance: [] }, 'instances:'],
  ])('names the field of a bad file: %j', (content, expected) => {
    expect(errorOf({ REDLENS_CONFIG: configFile(content) })).toContain(expected);
  });

  it('says when the file is not JSON or cannot be read', () => {
    expect(errorOf({ REDLENS_CONFIG: configFile('{nope') })).toMatch(/is not valid JSON/);
    expect(errorOf({ REDLENS_CONFIG: path.join(dir, 'missing.json') })).toMatch(/cannot read .*ENOENT/);
  });

  it('never echoes a password from a bad REDIS_URL', () => {
    const message = errorOf({ REDIS_URL: 'http://user:hunter2@host' });
    expect(message).toContain('REDIS_URL must start with redis://');
    expect(message).not.toContain('hunter2');
  });

  it('asks for a Redis when none is configured', () => {
    expect(errorOf({})).toMatch(/set REDIS_URL/);
  });
});

describe('describeRedisUrl', () => {
  it('splits a URL and gives a password-free address', () => {
    expect(describeRedisUrl('rediss://user:p%40ss@[::1]:6380/3')).toEqual({
      host: '::1', port: 6380, tls: true, username: 'user', password: 'p@ss', db: 3, address: '[::1]:6380/3',
    });
    expect(describeRedisUrl('redis://cache')).toEqual({ host: 'cache', port: 6379, tls: false, db: 0, address: 'cache:6379' });
  });
});
