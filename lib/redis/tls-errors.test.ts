// TLS handshake failures -> 503 REDIS_UNAVAILABLE in words that say what to fix: the codes as a
// socket carries them (`code`) and as a RespPipe words them ("CODE: message").
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import { redisErrorToApiError, withTlsHint } from './errors';

const socketError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('redisErrorToApiError: TLS', () => {
  it.each([
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  ])('%s: the server certificate was not trusted; set tls.ca', (code) => {
    const mapped = redisErrorToApiError(socketError(code, 'unable to verify the first certificate'));
    expect(mapped).toMatchObject({ code: 'REDIS_UNAVAILABLE', status: 503 });
    expect(mapped!.message).toBe(`Redis's TLS certificate was not trusted (${code}: unable to verify the first certificate): no CA Redlens trusts signed it. Set the instance's tls.ca to the CA that signed the server's certificate.`);
  });

  it('reads the code from a RespPipe message too', () => {
    const mapped = redisErrorToApiError(new Error('SELF_SIGNED_CERT_IN_CHAIN: self-signed certificate in certificate chain'));
    expect(mapped!.message).toMatch(/^Redis's TLS certificate was not trusted \(SELF_SIGNED_CERT_IN_CHAIN: self-signed certificate in certificate chain\)/);
  });

  it('an expired certificate, a name mismatch, a refused client certificate, a plain-text server', () => {
    expect(redisErrorToApiError(socketError('CERT_HAS_EXPIRED', 'certificate has expired'))!.message).toMatch(/not trusted \(CERT_HAS_EXPIRED: certificate has expired\): renew/);
    expect(redisErrorToApiError(socketError('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames: Host: a. is not in the cert's altnames: DNS:b"))!.message)
      .toMatch(/^Redis's TLS certificate was not trusted: it does not name the host .*DNS:b.*tls\.servername/);
    expect(redisErrorToApiError(new Error('ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED: 80EC...:tlsv13 alert certificate required'))!.message)
      .toMatch(/^Redis refused the TLS handshake \(ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED\): it requires a client certificate.*tls\.cert and tls\.key/);
    expect(redisErrorToApiError(socketError('ERR_SSL_WRONG_VERSION_NUMBER', 'wrong version number'))!.message).toMatch(/did not answer in TLS.*redis:\/\//);
  });

  it('leaves other coded errors to the rules before', () => {
    expect(redisErrorToApiError(socketError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1'))!.message).toBe('Redis is unreachable: connect ECONNREFUSED 127.0.0.1:1');
    expect(redisErrorToApiError(socketError('SOMETHING_ELSE', 'odd'))).toBeNull();
  });
});

describe('withTlsHint', () => {
  const reset = new ApiError('REDIS_UNAVAILABLE', 'Redis is unreachable: write ECONNRESET');
  it('adds the hint to a reset on a TLS connection without a client certificate only', () => {
    expect(withTlsHint(reset, { enabled: true, clientCertificate: false }).message)
      .toBe("Redis is unreachable: write ECONNRESET. Over TLS this is also how a Redis that requires a client certificate (tls-auth-clients) refuses a client without one: set the instance's tls.cert and tls.key.");
    expect(withTlsHint(reset, { enabled: true, clientCertificate: true })).toBe(reset);
    expect(withTlsHint(reset, { enabled: false, clientCertificate: false })).toBe(reset);
    const refused = new ApiError('REDIS_UNAVAILABLE', 'Redis is unreachable: connect ECONNREFUSED 127.0.0.1:1');
    expect(withTlsHint(refused, { enabled: true, clientCertificate: false })).toBe(refused);
  });

  it('adds the plain-text-port hint to a TLS connect that timed out, never to a command timeout', () => {
    const notReady = new ApiError('REDIS_UNAVAILABLE', 'Redis did not become ready within 2 s (blocked or not answering)');
    expect(withTlsHint(notReady, { enabled: true, clientCertificate: true }).message)
      .toBe("Redis did not become ready within 2 s (blocked or not answering). Over TLS this is also what a port that does not speak TLS does (a plain-text Redis behind a rediss:// url): check that the port is Redis's tls-port.");
    expect(withTlsHint(notReady, { enabled: false, clientCertificate: false })).toBe(notReady);
    const slow = new ApiError('REDIS_TIMEOUT', 'Redis did not answer within the command timeout (it may be blocked by a slow command).');
    expect(withTlsHint(slow, { enabled: true, clientCertificate: false })).toBe(slow);
  });

  it('adds a hint once: a message kept as the last error and mapped again stays as it is', () => {
    const once = withTlsHint(new ApiError('REDIS_UNAVAILABLE', 'Redis is unreachable: write ECONNRESET'), { enabled: true, clientCertificate: false });
    expect(withTlsHint(new ApiError('REDIS_UNAVAILABLE', once.message), { enabled: true, clientCertificate: false }).message).toBe(once.message);
  });
});
