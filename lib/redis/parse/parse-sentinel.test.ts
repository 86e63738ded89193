import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSentinelMaster, parseSentinelReplicas, parseSentinelSentinels, SentinelParseError } from './parse-sentinel';
import { RespParser } from './resp';

/** The first reply of a RESP capture, as it came off the wire. */
const captured = (name: string) => new RespParser().feed(readFileSync(path.join(import.meta.dirname, 'fixtures', name)))[0]!;

// Captured from redis-sentinel 7.0.15 monitoring `mymaster` (master 127.0.0.1:17001, one replica
// on 17002, a second sentinel on 17004; quorum 1, down-after 1000 ms, failover-timeout 5000 ms).
describe('parseSentinelMaster', () => {
  it('reads a captured Redis 7.0 reply', () => {
    expect(parseSentinelMaster(captured('sentinel-master-7.0.resp'))).toEqual({
      name: 'mymaster',
      address: '127.0.0.1:17001',
      flags: ['master'],
      quorum: 1,
      replicas: 1,
      otherSentinels: 1,
      downAfterMs: 1000,
      failoverTimeoutMs: 5000,
      configEpoch: 0,
    });
  });

  it('brackets an IPv6 master and keeps every flag', () => {
    const reply = ['name', 'm', 'ip', '::1', 'port', '6379', 'flags', 'master,s_down,o_down', 'quorum', '2', 'num-slaves', '0', 'num-other-sentinels', '2'];
    expect(parseSentinelMaster(reply)).toMatchObject({ address: '[::1]:6379', flags: ['master', 's_down', 'o_down'], quorum: 2, downAfterMs: null });
  });

  it.each([
    ['an error reply', new Error('ERR No such master with that name')],
    ['an odd list', ['name', 'm', 'ip']],
    ['no quorum', ['name', 'm', 'ip', '1.2.3.4', 'port', '1', 'num-slaves', '0', 'num-other-sentinels', '0']],
    ['a quorum that is no count', ['name', 'm', 'ip', '1.2.3.4', 'port', '1', 'quorum', 'x', 'num-slaves', '0', 'num-other-sentinels', '0']],
    ['no address', ['name', 'm', 'quorum', '1', 'num-slaves', '0', 'num-other-sentinels', '0']],
  ])('refuses %s', (_what, reply) => {
    expect(() => parseSentinelMaster(reply)).toThrow(SentinelParseError);
  });
});

describe('parseSentinelReplicas', () => {
  it('reads a captured Redis 7.0 reply', () => {
    const replicas = parseSentinelReplicas(captured('sentinel-replicas-7.0.resp'));
    expect(replicas).toHaveLength(1);
    expect(replicas[0]).toEqual({
      address: '127.0.0.1:17002',
      flags: ['slave'],
      runId: 'a75d63c9236abd8366270a790534a4f7e0cf0dc3',
      lastOkPingMs: expect.any(Number),
      masterLinkStatus: 'ok',
      following: '127.0.0.1:17001',
      replicaOffset: expect.any(Number),
      priority: 100,
    });
  });

  it('answers no replicas with none', () => {
    expect(parseSentinelReplicas([])).toEqual([]);
  });

  it('refuses a row that is not a list of pairs', () => {
    expect(() => parseSentinelReplicas([['ip', '1.2.3.4', 'port']])).toThrow('SENTINEL REPLICAS entry 0');
  });
});

describe('parseSentinelSentinels', () => {
  it('reads a captured Redis 7.0 reply', () => {
    expect(parseSentinelSentinels(captured('sentinel-sentinels-7.0.resp'))).toEqual([{
      address: '127.0.0.1:17004',
      flags: ['sentinel'],
      runId: '5d66467c65674ed64fd88b61f9afe8aadfe2b671',
      lastOkPingMs: expect.any(Number),
    }]);
  });

  it('refuses a reply that is not an array', () => {
    expect(() => parseSentinelSentinels('OK')).toThrow(SentinelParseError);
  });
});
