// The sentinels' view as the instance page shows it, rendered to HTML as the server renders it.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SentinelView } from '@/lib/api/sentinel';
import { SentinelBody } from './sentinel-panel';

const VIEW: SentinelView = {
  masterName: 'mymaster',
  configured: ['10.0.0.1:26379', '10.0.0.2:26379'],
  answeredBy: '10.0.0.2:26379',
  unreachable: [{ address: '10.0.0.1:26379', error: 'connect ECONNREFUSED 10.0.0.1:26379' }],
  master: { name: 'mymaster', address: '10.0.0.8:6379', flags: ['master'], quorum: 2, replicas: 1, otherSentinels: 2, downAfterMs: 5000, failoverTimeoutMs: 60000, configEpoch: 3 },
  replicas: [{ address: '10.0.0.9:6379', flags: ['slave', 's_down'], runId: 'abc', lastOkPingMs: 12000, masterLinkStatus: 'err', following: '10.0.0.8:6379' }],
  sentinels: [{ address: '10.0.0.3:26379', flags: ['sentinel'], runId: 'def', lastOkPingMs: 300 }],
};

describe('SentinelBody', () => {
  const html = renderToStaticMarkup(createElement(SentinelBody, { view: VIEW }));

  it('names the master the sentinels follow, the quorum and the epoch', () => {
    expect(html).toContain('data-testid="sentinel-master">');
    expect(html).toContain('10.0.0.8:6379');
    expect(html).toContain('of 3 sentinels');
    expect(html).toMatch(/Config epoch.*3/);
  });

  it('lists the replicas with their state and link, and the other sentinels', () => {
    expect(html).toContain('10.0.0.9:6379');
    expect(html).toContain('slave, s_down');
    expect(html).toContain('err');
    expect(html).toContain('10.0.0.3:26379');
    expect(html).toContain('asked 10.0.0.2:26379');
  });

  it('says which sentinels did not answer', () => {
    expect(html).toContain('Did not answer: 10.0.0.1:26379 (connect ECONNREFUSED 10.0.0.1:26379).');
  });
});
