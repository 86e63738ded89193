import { describe, expect, it } from 'vitest';
import { compareNamespaces } from './compare';
import type { AnalysisResult, NamespaceFigures } from './types';

const ns = (namespace: string, keys: number, memoryBytes: number): NamespaceFigures => ({
  namespace,
  keys,
  memoryBytes,
  withoutTtl: 0,
  withoutTtlBytes: 0,
  example: { key: namespace, keyB64: '' },
});
const resultOf = (namespaces: NamespaceFigures[]) => ({ namespaces }) as AnalysisResult;

describe('compareNamespaces', () => {
  it('lists every namespace of either run, the biggest change in memory first', () => {
    const then = resultOf([ns('user:{id}:session', 10, 1000), ns('recipe:{id}', 5, 500), ns('菜谱:{id}', 2, 40), ns('(other)', 1, 10)]);
    const now = resultOf([ns('user:{id}:session', 12, 1500), ns('search:{id}', 3, 300), ns('菜谱:{id}', 2, 40), ns('(other)', 1, 10)]);
    expect(compareNamespaces(now, then, { id: 'run-1', startedAt: 1_700_000_000_000 })).toEqual({
      otherRunId: 'run-1',
      otherStartedAt: 1_700_000_000_000,
      namespaces: [
        // Both changed by 500 bytes: the one with more memory now first.
        { namespace: 'user:{id}:session', keysThen: 10, keysNow: 12, memoryThen: 1000, memoryNow: 1500 },
        { namespace: 'recipe:{id}', keysThen: 5, keysNow: 0, memoryThen: 500, memoryNow: 0 },
        { namespace: 'search:{id}', keysThen: 0, keysNow: 3, memoryThen: 0, memoryNow: 300 },
        { namespace: '菜谱:{id}', keysThen: 2, keysNow: 2, memoryThen: 40, memoryNow: 40 },
        { namespace: '(other)', keysThen: 1, keysNow: 1, memoryThen: 10, memoryNow: 10 },
      ],
    });
  });

  it('compares two empty runs as nothing', () => {
    expect(compareNamespaces(resultOf([]), resultOf([]), { id: 'x', startedAt: 0 }).namespaces).toEqual([]);
  });
});
