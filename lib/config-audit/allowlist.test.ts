import { describe, expect, it } from 'vitest';
import { isAllowlisted, settingValueProblem } from './allowlist';
import { ConfigSetBody } from './schemas';

describe('the allowlist of SPEC section 3', () => {
  it('takes the listed settings, both encoding spellings, and nothing security-related', () => {
    for (const name of ['maxmemory', 'maxmemory-policy', 'replica-lazy-flush', 'hash-max-listpack-entries', 'hash-max-ziplist-entries',
      'slowlog-log-slower-than', 'slowlog-max-len', 'latency-monitor-threshold', 'timeout', 'tcp-keepalive', 'maxclients']) {
      expect(isAllowlisted(name), name).toBe(true);
    }
    for (const name of ['requirepass', 'masterauth', 'io-threads', 'dir', 'dbfilename', 'appendfsync', 'save', 'rename-command', 'bind']) {
      expect(isAllowlisted(name), name).toBe(false);
    }
  });

  it.each([
    ['maxmemory', '256mb', null], ['maxmemory', '1.5gb', 'maxmemory must be a size'], ['maxmemory', '999999999999999gb', 'at most 1 PiB'],
    ['maxmemory-policy', 'allkeys-lru', null], ['maxmemory-policy', 'lru', 'maxmemory-policy must be one of'],
    ['maxmemory-samples', '0', 'maxmemory-samples must be between 1 and 64'],
    ['lazyfree-lazy-expire', 'true', 'lazyfree-lazy-expire must be one of yes, no'],
    ['slowlog-log-slower-than', '-1', null], ['slowlog-log-slower-than', '-2', 'must be between -1'],
    ['slowlog-max-len', '12.5', 'must be a whole number'], ['list-max-ziplist-size', '-2', null],
  ])('%s = %s -> %s', (name, value, problem) => {
    const found = settingValueProblem(name, value);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });

  it('refuses in the body schema a setting outside the list, naming it', () => {
    const refused = ConfigSetBody.safeParse({ name: 'requirepass', value: 'x' });
    expect(refused.success).toBe(false);
    expect(refused.error!.issues[0]!.path).toEqual(['name']);
    expect(ConfigSetBody.safeParse({ name: 'timeout', value: ' 0 ' }).data).toEqual({ name: 'timeout', value: '0' });
    expect(ConfigSetBody.safeParse({ name: 'timeout', value: '0', extra: 1 }).success).toBe(false);
  });
});
