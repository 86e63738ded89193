import { describe, expect, it } from 'vitest';
import { fingerprint, keyPattern } from './fingerprint';

describe('keyPattern', () => {
  it.each([
    ['user:42:session', 'user:{id}:session'],
    ['user:42:mealplan:2026-11-23', 'user:{id}:mealplan:{id}'],
    ['search:5f2b8c1e9a7d3f40', 'search:{id}'],
    ['session:123e4567-e89b-12d3-a456-426614174000', 'session:{id}'],
    ['popular:recipes:vegan', 'popular:recipes:vegan'],
    ['recipe:index:all-ids', 'recipe:index:all-ids'],
  ])('%s -> %s', (key, pattern) => expect(keyPattern(key)).toBe(pattern));
});

describe('fingerprint', () => {
  it.each([
    [['GET', 'user:7:session'], 'GET user:{id}:session'],
    [['get', 'user:8:session'], 'GET user:{id}:session'],
    [['KEYS', 'popular:*'], 'KEYS popular:*'],
    [['LRANGE', 'queue:mealplan:generate', '0', '-1'], 'LRANGE queue:mealplan:generate 0 -1'],
    [['LRANGE', 'queue:mealplan:generate', '0', '99'], 'LRANGE queue:mealplan:generate'],
    [['FLUSHALL'], 'FLUSHALL'],
    [['DEBUG', 'SLEEP', '0.1'], 'DEBUG'],
    [[], ''],
  ])('%j -> %s', (args, expected) => expect(fingerprint(args)).toBe(expected));
});
