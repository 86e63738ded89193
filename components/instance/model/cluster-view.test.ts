import { describe, expect, it } from 'vitest';
import type { ClusterNodeStatus } from '@/lib/fleet/types';
import { nodeStateOf, replicationText, roleText, slotsStateText, slotsText } from './cluster-view';

const health = { status: 'ok' as const, counts: { critical: 0, warning: 0, info: 0 }, top: [], evaluatedAt: 1 };
const node = (over: Partial<ClusterNodeStatus>): ClusterNodeStatus => ({
  nodeId: 'a'.repeat(40), instanceId: 'shop.127-0-0-1-7001', address: '127.0.0.1:7001', role: 'master', masterNodeId: null,
  slots: [[0, 5460]], slotCount: 5461, failure: null, linkState: 'connected', migrating: 0, importing: 0,
  status: 'up', sampledAt: 1, usedMemoryBytes: 1, opsPerSec: 0, connectedClients: 1, keys: 1, health, replication: null, ...over,
});

describe('the cluster page words', () => {
  it('a node flagged by the cluster says so before what Redlens saw', () => {
    expect(nodeStateOf(node({ failure: 'fail', status: 'down' }))).toEqual({ text: 'failed (cluster agreed)', tone: 'bad' });
    expect(nodeStateOf(node({ failure: 'pfail' })).tone).toBe('warn');
    expect(nodeStateOf(node({ status: 'down' })).text).toBe('not answering Redlens');
    expect(nodeStateOf(node({ status: 'unknown' })).text).toBe('waiting for a sample');
    expect(nodeStateOf(node({}))).toEqual({ text: 'up', tone: 'ok' });
  });

  it('names a replica\'s master, its slots and its link', () => {
    const master = node({});
    const replica = node({ nodeId: 'b'.repeat(40), address: '127.0.0.1:7004', role: 'replica', masterNodeId: master.nodeId, slots: [], slotCount: 0,
      replication: { master: '127.0.0.1:7001', linkUp: true, lastIoSecondsAgo: 1, syncInProgress: false } });
    expect(roleText(replica, [master, replica])).toBe('replica of 127.0.0.1:7001');
    expect(roleText(master, [master, replica])).toBe('master');
    expect(slotsText(master)).toBe('0-5460 (5,461 slots)');
    expect(slotsText(node({ migrating: 2 }))).toBe('0-5460 (5,461 slots; 2 migrating)');
    expect(slotsText(replica)).toBe('none (a replica)');
    expect(replicationText(master)).toBeNull();
    expect(replicationText(replica)).toEqual({ text: 'up, last I/O 1 s ago', tone: 'ok' });
    expect(replicationText({ ...replica, replication: { ...replica.replication!, linkUp: false, syncInProgress: true } })).toEqual({ text: 'down (sync in progress)', tone: 'bad' });
    expect(replicationText({ ...replica, replication: null, status: 'down' })?.text).toBe('unknown (node down)');
  });

  it('counts the slots the cluster serves, and those it does not', () => {
    const state = { state: 'fail' as const, slotsAssigned: 16000, slotsOk: 10923, slotsPfail: 0, slotsFail: 5077, knownNodes: 6, size: 3, currentEpoch: 7 };
    expect(slotsStateText({ state })).toBe('10,923 of 16,384 slots ok, 384 unassigned (5,077 fail)');
    expect(slotsStateText({ state: { ...state, slotsAssigned: 16384, slotsOk: 16384, slotsFail: 0 } })).toBe('16,384 of 16,384 slots ok');
  });
});
