import { describe, expect, it } from 'vitest';
import { clientAddress, isHttps, isSameOrigin } from './request-origin';

const request = (headers: Record<string, string>, url = 'http://127.0.0.1:3000/api/x') =>
  new Request(url, { method: 'POST', headers });

describe('isSameOrigin', () => {
  it.each([
    [{ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }, true],
    [{ host: 'redlens.example', origin: 'https://redlens.example', 'x-forwarded-proto': 'https' }, true],
    [{ host: '127.0.0.1:3000', origin: 'http://evil.example' }, false],
    [{ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3001' }, false],
    [{ host: '127.0.0.1:3000', origin: 'null' }, false],
    [{ host: '127.0.0.1:3000' }, false],
    [{ origin: 'http://127.0.0.1:3000' }, false],
  ])('%j -> %s', (headers, expected) => {
    expect(isSameOrigin(request(headers))).toBe(expected);
  });
});

describe('isHttps and clientAddress', () => {
  it('reads what Next reports', () => {
    expect(isHttps(request({ 'x-forwarded-proto': 'https' }))).toBe(true);
    expect(isHttps(request({}))).toBe(false);
    expect(clientAddress(request({ 'x-forwarded-for': '192.0.2.7, 10.0.0.1' }))).toBe('192.0.2.7');
    expect(clientAddress(request({}))).toBe('unknown');
  });
});
