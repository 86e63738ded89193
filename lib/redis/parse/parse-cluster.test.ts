import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClusterParseError, parseClusterInfo, parseClusterNodes, slotCount } from './parse-cluster';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');

describe('parseClusterNodes', () => {
  it('reads every node of a healthy cluster: roles, masters, slots, the node that answered', () => {
    const nodes = parseClusterNodes(fixture('cluster-nodes-ok.txt'));
    expect(nodes).toHaveLength(6);
    const masters = nodes.filter((node) => node.role === 'master');
    expect(masters.map((node) => node.port).sort()).toEqual([39007, 40879, 45695]);
    expect(slotCount(masters.flatMap((node) => node.slots))).toBe(16384);
    const myself = nodes.find((node) => node.myself)!;
    expect(myself).toMatchObject({ id: 'e5e8cdb250f9711151140198413cd7eef7138e31', host: '127.0.0.1', port: 39007, role: 'master', slots: [[0, 5460]], failure: null, linkState: 'connected', configEpoch: 1 });
    const replica = nodes.find((node) => node.port === 38219)!;
    expect(replica).toMatchObject({ role: 'replica', masterId: myself.id, slots: [], myself: false });
  });

  it('reads a slot being migrated out', () => {
    const myself = parseClusterNodes(fixture('cluster-nodes-migrating.txt')).find((node) => node.myself)!;
    expect(myself.slots).toEqual([[0, 5460]]);
    expect(myself.migrating).toEqual([{ slot: 100, to: '9154e74d25a4e6c8959d75a7c36cf20d8734e3c0' }]);
  });

  it('reads a failed master and its promoted replica', () => {
    const nodes = parseClusterNodes(fixture('cluster-nodes-failover.txt'));
    expect(nodes.find((node) => node.port === 45695)).toMatchObject({ role: 'master', failure: 'fail', linkState: 'disconnected', slots: [] });
    expect(nodes.find((node) => node.port === 45403)).toMatchObject({ role: 'master', failure: null, slots: [[5461, 10922]], configEpoch: 7 });
  });

  it('reads IPv6 addresses, hostnames and importing slots', () => {
    const [node] = parseClusterNodes(
      '07c37dfeb235213a872192d90877d0cd55635b91 [::1]:30004@31004,cache-1.example master,nofailover - 0 1426238317239 4 connected 0-10 12 [13-<-e7d1eecce10fd6bb5eb35b9f99a514335d9ba9ca]\n',
    );
    expect(node).toMatchObject({ host: '::1', port: 30004, hostname: 'cache-1.example', flags: ['nofailover'], slots: [[0, 10], [12, 12]], importing: [{ slot: 13, from: 'e7d1eecce10fd6bb5eb35b9f99a514335d9ba9ca' }] });
  });

  it('refuses what is not CLUSTER NODES', () => {
    expect(() => parseClusterNodes('')).toThrow(ClusterParseError);
    expect(() => parseClusterNodes('ERR This instance has cluster support disabled')).toThrow(ClusterParseError);
    expect(() => parseClusterNodes('e5e8cdb250f9711151140198413cd7eef7138e31 127.0.0.1:1@2 master - 0 0 1 connected 0-99999')).toThrow(/out of range/);
  });
});

describe('parseClusterInfo', () => {
  it('reads a healthy cluster', () => {
    expect(parseClusterInfo(fixture('cluster-info-ok.txt'))).toEqual({ state: 'ok', slotsAssigned: 16384, slotsOk: 16384, slotsPfail: 0, slotsFail: 0, knownNodes: 6, size: 3, currentEpoch: 6 });
  });

  it('reads a cluster whose slots have no live master', () => {
    expect(parseClusterInfo(fixture('cluster-info-fail.txt'))).toMatchObject({ state: 'fail', slotsAssigned: 16384, slotsOk: 10922, slotsFail: 5462 });
  });

  it('refuses a reply without cluster_state', () => {
    expect(() => parseClusterInfo('cluster_enabled:0\r\n')).toThrow(ClusterParseError);
  });
});
