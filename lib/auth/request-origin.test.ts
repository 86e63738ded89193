import { afterEach, describe, expect, it } from 'vitest';
import type { ServedAt, TrustProxy } from '@/lib/config/schema';
import { believePeerHeader, clientAddress, isHttps, isSameOrigin, isServedHost, PEER_HEADER } from './request-origin';

const request = (headers: Record<string, string>, url = 'http://127.0.0.1:3000/api/x') =>
  new Request(url, { method: 'POST', headers });

const LOCAL: ServedAt = { publicUrl: null, host: '127.0.0.1', port: 3000 };
const ANY: ServedAt = { publicUrl: null, host: '0.0.0.0', port: 3581 };
const PUBLIC: ServedAt = { publicUrl: 'https://redlens.example', host: '127.0.0.1', port: 3000 };

describe('isSameOrigin', () => {
  it.each([
    [{ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }, LOCAL, true],
    [{ host: 'localhost:3000', origin: 'http://localhost:3000' }, LOCAL, true],
    [{ host: 'redlens.example', origin: 'https://redlens.example', 'x-forwarded-proto': 'https' }, PUBLIC, true],
    // A TLS proxy that does not say X-Forwarded-Proto: the page's origin is the public URL.
    [{ host: 'redlens.example', origin: 'https://redlens.example' }, PUBLIC, true],
    [{ host: '127.0.0.1:3000', origin: 'http://evil.example' }, LOCAL, false],
    [{ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3001' }, LOCAL, false],
    [{ host: '127.0.0.1:3000', origin: 'null' }, LOCAL, false],
    [{ host: '127.0.0.1:3000' }, LOCAL, false],
    [{ origin: 'http://127.0.0.1:3000' }, LOCAL, false],
    // DNS rebinding: the attacker's hostname as Host, with the matching Origin.
    [{ host: 'evil.example:3581', origin: 'http://evil.example:3581' }, ANY, false],
    [{ host: 'evil.example:3000', origin: 'http://evil.example:3000' }, LOCAL, false],
    [{ host: 'evil.example', origin: 'https://evil.example', 'x-forwarded-proto': 'https' }, PUBLIC, false],
  ] as const)('%j served at %j -> %s', (headers, servedAt, expected) => {
    expect(isSameOrigin(request(headers), servedAt)).toBe(expected);
  });
});

describe('isServedHost', () => {
  const served = (host: string, servedAt: ServedAt) => isServedHost(request({ host }), servedAt);

  it('accepts the bound loopback address, and localhost, on the served port only', () => {
    expect(served('127.0.0.1:3000', LOCAL)).toBe(true);
    expect(served('localhost:3000', LOCAL)).toBe(true);
    expect(served('[::1]:3000', LOCAL)).toBe(true);
    expect(served('127.0.0.1:3001', LOCAL)).toBe(false);
    expect(served('10.0.0.5:3000', LOCAL)).toBe(false);
    expect(served('rebind.evil.example:3000', LOCAL)).toBe(false);
  });

  it('on 0.0.0.0 accepts IP literals and localhost on its port, never a hostname', () => {
    expect(served('192.0.2.10:3581', ANY)).toBe(true);
    expect(served('[2001:db8::1]:3581', ANY)).toBe(true);
    expect(served('localhost:3581', ANY)).toBe(true);
    expect(served('evil.example:3581', ANY)).toBe(false);
    expect(served('192.0.2.10:80', ANY)).toBe(false);
  });

  it("accepts REDLENS_PUBLIC_URL's host, with or without its default port", () => {
    const https = (host: string) => isServedHost(request({ host, 'x-forwarded-proto': 'https' }), PUBLIC);
    expect(https('redlens.example')).toBe(true);
    expect(https('redlens.example:443')).toBe(true);
    expect(https('REDLENS.example')).toBe(true);
    expect(https('redlens.example:8443')).toBe(false);
    expect(https('redlens.example.evil.example')).toBe(false);
    expect(https('user@redlens.example')).toBe(false);
  });

  it('refuses a missing or malformed Host', () => {
    expect(isServedHost(request({}), LOCAL)).toBe(false);
    expect(served('127.0.0.1:3000/x', LOCAL)).toBe(false);
    expect(served('127.0.0.1:notaport', LOCAL)).toBe(false);
  });
});

describe('isHttps', () => {
  it('reads what Next reports', () => {
    expect(isHttps(request({ 'x-forwarded-proto': 'https' }))).toBe(true);
    expect(isHttps(request({}))).toBe(false);
  });
});

describe('clientAddress', () => {
  afterEach(() => believePeerHeader(false));

  it('is the peer, never a client-sent X-Forwarded-For entry', () => {
    believePeerHeader(true);
    expect(clientAddress(request({ [PEER_HEADER]: '192.0.2.7', 'x-forwarded-for': '10.9.9.9' }))).toBe('192.0.2.7');
    expect(clientAddress(request({ [PEER_HEADER]: '::ffff:192.0.2.7' }))).toBe('192.0.2.7');
    expect(clientAddress(request({ 'x-forwarded-for': '10.9.9.9' }))).toBe('unknown');
  });

  it('without the Redlens server (handlers called directly), is the rightmost X-Forwarded-For entry', () => {
    expect(clientAddress(request({ 'x-forwarded-for': '192.0.2.7, 10.0.0.1' }))).toBe('10.0.0.1');
    expect(clientAddress(request({}))).toBe('unknown');
    expect(clientAddress(request({ 'x-forwarded-for': 'x'.repeat(15_000) }))).toBe('unknown');
    // Without the Redlens server the peer header is anyone's to send: ignored.
    expect(clientAddress(request({ [PEER_HEADER]: '192.0.2.7' }))).toBe('unknown');
  });

  it('believes X-Forwarded-For only through trusted proxies, walking from the right', () => {
    believePeerHeader(true);
    const via = (peer: string, xff: string) => request({ [PEER_HEADER]: peer, 'x-forwarded-for': xff });
    const list: TrustProxy = { mode: 'list', addresses: ['10.0.0.1', '10.0.0.2'] };
    // The client put 6.6.6.6 in front; the trusted proxies appended what they saw.
    expect(clientAddress(via('10.0.0.1', '6.6.6.6, 198.51.100.4, 10.0.0.2'), list)).toBe('198.51.100.4');
    // The peer is not a trusted proxy: its header means nothing.
    expect(clientAddress(via('203.0.113.9', '6.6.6.6'), list)).toBe('203.0.113.9');
    expect(clientAddress(via('10.0.0.1', '6.6.6.6'), { mode: 'none' })).toBe('10.0.0.1');
    expect(clientAddress(via('10.0.0.1', '6.6.6.6, 198.51.100.4'), { mode: 'all' })).toBe('6.6.6.6');
    // A hop that is not an address stops the walk at the proxy that reported it.
    expect(clientAddress(via('10.0.0.1', 'junk'), list)).toBe('10.0.0.1');
  });
});
