import { describe, expect, it } from 'vitest';
import { DEFAULT_TTL_POLICY, type TtlPolicyRule } from '@/lib/keys/ttl-policy';
import { auditKey, compilePolicy } from './ttl-policy-audit';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const policy = compilePolicy(DEFAULT_TTL_POLICY);
const audit = (name: string | Buffer, ttlMs: number) => auditKey(policy, typeof name === 'string' ? Buffer.from(name) : name, ttlMs);
const rule = (pattern: string, maxTtlSeconds: number | null = null): TtlPolicyRule => ({ pattern, meaning: pattern, maxTtlSeconds, policy: '' });

describe('auditKey with the default policy', () => {
  it.each([
    ['a session within 24 h', 'user:42:session', HOUR, { rule: 0, violation: null }],
    ['a session with exactly 24 h left', 'user:42:session', DAY, { rule: 0, violation: null }],
    ['a session with a millisecond too many', 'user:42:session', DAY + 1, { rule: 0, violation: 'ttl-too-long' }],
    ['a session without TTL', 'user:42:session', -1, { rule: 0, violation: 'no-ttl' }],
    ['session:{id}', 'session:abc', HOUR, { rule: 1, violation: null }],
    ['preferences for 31 days', 'user:7:preferences', 31 * DAY, { rule: 2, violation: 'ttl-too-long' }],
    ['a meal plan of a date', 'user:7:mealplan:2026-11-26', 6 * DAY, { rule: 3, violation: null }],
    ['mealplan:{id}... with no further segment', 'mealplan:9', -1, { rule: 4, violation: 'no-ttl' }],
    ['mealplan:{id}... with further segments', 'mealplan:9:day:2', 8 * DAY, { rule: 4, violation: 'ttl-too-long' }],
    ['a recipe', 'recipe:42', 5 * HOUR, { rule: 5, violation: null }],
    ['a search result kept an hour', 'search:9f86d081', HOUR, { rule: 6, violation: 'ttl-too-long' }],
    ['progress for 91 days', 'progress:42:week:3', 91 * DAY, { rule: 7, violation: 'ttl-too-long' }],
    ['a popular list with any TTL', 'popular:recipes:vegan', 365 * DAY, { rule: 8, violation: null }],
    ['a popular list without one', 'popular:recipes:vegan', -1, { rule: 8, violation: 'no-ttl' }],
  ])('%s', (_what, name, ttlMs, verdict) => {
    expect(audit(name, ttlMs)).toEqual(verdict);
  });

  it.each([
    ['no rule', 'counter'],
    ['an empty {id}', 'user::session'],
    ['a segment too many without ...', 'user:42:session:extra'],
    ['a segment too few', 'recipe'],
    ['mealplan without its {id}', 'mealplan'],
    ['a different case', 'Recipe:42'],
    ['the empty name', ''],
  ])('leaves %s unclassified', (_what, name) => {
    expect(audit(name, -1)).toBeNull();
  });

  it('matches a wildcard segment of any bytes, binary ones too', () => {
    expect(audit(Buffer.concat([Buffer.from('session:'), Buffer.from([0xff, 0xfe, 0x00])]), -1)).toEqual({ rule: 1, violation: 'no-ttl' });
    expect(audit('recipe:crème-brûlée', HOUR)).toEqual({ rule: 5, violation: null });
  });
});

describe('compilePolicy', () => {
  it('matches literal segments by their UTF-8 bytes', () => {
    const unicode = compilePolicy([rule('菜谱:{id}...', 60), rule('recette:crème')]);
    expect(auditKey(unicode, Buffer.from('菜谱:1:2'), 61_000)).toEqual({ rule: 0, violation: 'ttl-too-long' });
    expect(auditKey(unicode, Buffer.from('recette:crème'), 5)).toEqual({ rule: 1, violation: null });
    expect(auditKey(unicode, Buffer.from('recette:creme'), 5)).toBeNull();
    // The same letters as Latin-1 bytes are not the pattern's UTF-8.
    expect(auditKey(unicode, Buffer.from('recette:crème', 'latin1'), 5)).toBeNull();
  });

  it('takes the first rule that matches, wildcard-first or literal', () => {
    const wildcardFirst = compilePolicy([rule('{tenant}:cache', 60), rule('acme:cache')]);
    expect(auditKey(wildcardFirst, Buffer.from('acme:cache'), -1)).toEqual({ rule: 0, violation: 'no-ttl' });
    const literalFirst = compilePolicy([rule('acme:cache'), rule('{tenant}:cache', 60)]);
    expect(auditKey(literalFirst, Buffer.from('acme:cache'), 120_000)).toEqual({ rule: 0, violation: null });
    expect(auditKey(literalFirst, Buffer.from('other:cache'), 120_000)).toEqual({ rule: 1, violation: 'ttl-too-long' });
  });

  it('reads a trailing ... as its own segment the same way', () => {
    const rest = compilePolicy([rule('progress:...', 10)]);
    expect(auditKey(rest, Buffer.from('progress'), 5_000)).toEqual({ rule: 0, violation: null });
    expect(auditKey(rest, Buffer.from('progress:1:2'), 11_000)).toEqual({ rule: 0, violation: 'ttl-too-long' });
    expect(auditKey(rest, Buffer.from('progressive'), 5_000)).toBeNull();
  });

  it('classifies nothing with an empty policy', () => {
    expect(auditKey(compilePolicy([]), Buffer.from('user:1:session'), -1)).toBeNull();
  });
});
