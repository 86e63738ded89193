import { describe, expect, it } from 'vitest';
import type { ClusterNodeResetResult } from '@/lib/slowlog/types';
import { nodeResetLine, resetAllQuestion, summarizeResetAll } from './reset-all';

const node = (over: Partial<ClusterNodeResetResult>): ClusterNodeResetResult => ({
  instanceId: 'shop.127-0-0-1-7001', address: '127.0.0.1:7001', role: 'master', outcome: 'reset', archived: 3, redisReset: true, error: null, ...over,
});

describe('reset all nodes in words', () => {
  it('names the node count in the question', () => {
    expect(resetAllQuestion(6)).toBe('Reset the slow log of all 6 nodes?');
    expect(resetAllQuestion(undefined)).toBe('Reset the slow log of every node?');
  });

  it('sums the outcome, and says how many failed', () => {
    const ok = node({});
    const failed = node({ instanceId: 'b', outcome: 'failed', archived: null, redisReset: false, error: { code: 'REDIS_UNAVAILABLE', message: 'down' } });
    expect(summarizeResetAll({ nodes: [ok, ok], archived: 6, reset: 2, failed: 0 })).toBe('Reset 2 nodes; 6 entries archived.');
    expect(summarizeResetAll({ nodes: [ok, failed], archived: 3, reset: 1, failed: 1 })).toBe('Reset 1 of 2 nodes; 3 entries archived; 1 failed.');
  });

  it('words a node’s failure from its typed fields', () => {
    expect(nodeResetLine(node({})).text).toBe('reset, 3 entries archived');
    const wasReset = nodeResetLine(node({ outcome: 'failed', archived: null, redisReset: true, error: { code: 'INTERNAL', message: 'archive write failed' } }));
    expect(wasReset.ok).toBe(false);
    expect(wasReset.text).toMatch(/WAS emptied/);
    expect(nodeResetLine(node({ outcome: 'failed', archived: null, redisReset: false, error: { code: 'REDIS_UNAVAILABLE', message: 'x' } })).text).toMatch(/^Redis is unreachable: Nothing was reset/);
  });
});
