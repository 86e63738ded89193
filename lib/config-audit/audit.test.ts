import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfigGet } from '@/lib/redis/parse/parse-config';
import { RespParser } from '@/lib/redis/parse/resp';
import { auditConfig, fixFor } from './audit';
import type { AuditedSetting } from './types';

/** A CONFIG GET * fixture as the audit receives it: parsed, the secret replaced (lib/redis/config.ts does that). */
function fixture(name: string): Record<string, string> {
  const reply = new RespParser().feed(readFileSync(path.join(import.meta.dirname, '../redis/parse/fixtures', name)))[0];
  return { ...parseConfigGet(reply), requirepass: '(redacted)' };
}

const statusOf = (settings: AuditedSetting[]) => Object.fromEntries(settings.map((setting) => [setting.name, setting.status]));

describe('auditConfig on Redis 7.0 defaults (captured)', () => {
  const audit = auditConfig(fixture('config-get-all-7.0.resp'), { version: '7.0.15', redacted: ['requirepass'] });

  it('judges every section 3 row under the listpack names the server reports', () => {
    expect(statusOf(audit.settings)).toEqual({
      maxmemory: 'warn', 'maxmemory-policy': 'warn', 'maxmemory-samples': 'ok',
      'lazyfree-lazy-eviction': 'warn', 'lazyfree-lazy-expire': 'warn', 'lazyfree-lazy-server-del': 'warn', 'replica-lazy-flush': 'warn',
      'hash-max-listpack-entries': 'ok', 'hash-max-listpack-value': 'ok', 'list-max-listpack-size': 'ok', 'list-compress-depth': 'ok',
      'set-max-intset-entries': 'ok', 'zset-max-listpack-entries': 'ok', 'zset-max-listpack-value': 'ok', 'hll-sparse-max-bytes': 'ok',
      'stream-node-max-bytes': 'ok', 'stream-node-max-entries': 'ok',
      appendfsync: 'ok', 'stop-writes-on-bgsave-error': 'warn', rdbcompression: 'ok', rdbchecksum: 'ok',
      'tcp-keepalive': 'ok', timeout: 'ok', 'tcp-backlog': 'ok', 'client-output-buffer-limit': 'ok',
      'slowlog-log-slower-than': 'ok', 'slowlog-max-len': 'ok', 'latency-monitor-threshold': 'warn', 'io-threads': 'info',
    });
    expect(audit.summary).toEqual({ ok: 20, warn: 8, info: 1 });
  });

  it('says the fix as a command and a conf line, and which rows an admin may apply', () => {
    const policy = audit.settings.find((setting) => setting.name === 'maxmemory-policy')!;
    expect(policy).toMatchObject({ value: 'noeviction', fixValue: 'allkeys-lru', allowlisted: true });
    expect(policy.fix).toEqual({ command: 'CONFIG SET maxmemory-policy allkeys-lru', conf: 'maxmemory-policy allkeys-lru' });
    expect(audit.settings.find((setting) => setting.name === 'io-threads')!.allowlisted).toBe(false);
    expect(audit.settings.find((setting) => setting.name === 'appendfsync')!.allowlisted).toBe(false);
  });

  it('lists every other setting once: no secret, no alias of an audited name', () => {
    const names = audit.other.map((setting) => setting.name);
    expect(names).toContain('databases');
    expect(names).toContain('save');
    expect(names).not.toContain('requirepass');
    expect(names).not.toContain('hash-max-ziplist-entries');
    expect(names).not.toContain('slave-lazy-flush');
    expect(names).not.toContain('maxmemory');
    expect(audit.other.find((setting) => setting.name === 'maxclients')!.allowlisted).toBe(true);
    expect(JSON.stringify(audit)).not.toContain('fixture-secret');
    expect(audit.redacted).toEqual(['requirepass']);
  });
});

describe('auditConfig on Redis 6.2 defaults (written from the 6.2 source, not captured)', () => {
  const audit = auditConfig(fixture('config-get-all-6.2.resp'), { version: '6.2.16', redacted: ['requirepass'] });

  it('shows the ziplist names and reads the `slave` buffer class as replica', () => {
    const names = audit.settings.map((setting) => setting.name);
    expect(names).toContain('hash-max-ziplist-entries');
    expect(names).toContain('list-max-ziplist-size');
    expect(names).not.toContain('hash-max-listpack-entries');
    const statuses = statusOf(audit.settings);
    expect(statuses['zset-max-ziplist-value']).toBe('ok');
    expect(statuses['client-output-buffer-limit']).toBe('ok');
    expect(audit.settings.find((setting) => setting.name === 'hash-max-ziplist-entries')!.allowlisted).toBe(true);
    expect(audit.summary).toEqual({ ok: 20, warn: 8, info: 1 });
  });
});

describe('auditConfig edge cases', () => {
  it('gives info for a setting this Redis does not report', () => {
    const audit = auditConfig({}, { version: null, redacted: [] });
    expect(audit.settings.every((setting) => setting.status === 'info' && setting.value === null)).toBe(true);
  });

  it('suggests three quarters of the host memory for maxmemory', () => {
    const audit = auditConfig({ maxmemory: '0' }, { version: null, redacted: [], context: { totalSystemMemory: 8 * 1024 ** 3 } });
    expect(audit.settings[0]).toMatchObject({ name: 'maxmemory', status: 'warn', fixValue: '6144mb' });
  });
});

describe('fixFor', () => {
  it('quotes values with spaces and empty values, and writes one conf line per buffer class', () => {
    expect(fixFor('save', '')).toEqual({ command: 'CONFIG SET save ""', conf: 'save ""' });
    const buffers = fixFor('client-output-buffer-limit', 'normal 0 0 0 replica 256mb 64mb 60 pubsub 32mb 8mb 60');
    expect(buffers.command).toBe('CONFIG SET client-output-buffer-limit "normal 0 0 0 replica 256mb 64mb 60 pubsub 32mb 8mb 60"');
    expect(buffers.conf.split('\n')).toEqual([
      'client-output-buffer-limit normal 0 0 0',
      'client-output-buffer-limit replica 256mb 64mb 60',
      'client-output-buffer-limit pubsub 32mb 8mb 60',
    ]);
  });
});
