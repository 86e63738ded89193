// A private TLS redis-server for integration tests: a CA, a server certificate (127.0.0.1 and
// localhost) and a client certificate made with openssl in a temp dir, and a redis-server that
// speaks only TLS and requires a client certificate signed by that CA. Stopped by pid (test/redis.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, launch, rawCommand, startRedis, type RedisServer } from '../scripts/lib/redis-server.mjs';

export interface TlsFiles {
  dir: string;
  /** The CA that signed the server's and the client's certificates. */
  ca: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  /** Another CA, which signed nothing here: a "wrong CA" for the client. */
  otherCa: string;
}

const openssl = (dir: string, args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });

// EC P-256 keys: made in milliseconds, where RSA 2048 takes a noticeable fraction of a second each.
const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

function makeCa(dir: string, name: string): void {
  openssl(dir, ['req', '-x509', ...EC_KEY, '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '2', '-subj', `/CN=Redlens test ${name}`]);
}

function makeSigned(dir: string, name: string, subject: string, extensions: string): void {
  openssl(dir, ['req', ...EC_KEY, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject]);
  writeFileSync(path.join(dir, `${name}.ext`), extensions);
  openssl(dir, ['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`, '-days', '2', '-extfile', `${name}.ext`]);
}

/** Generates the CA, the server and client certificates, and an unrelated CA, into a temp dir. */
export function makeTlsFiles(): TlsFiles {
  const dir = mkdtempSync(path.join(tmpdir(), 'redlens-test-tls-'));
  makeCa(dir, 'ca');
  makeCa(dir, 'other-ca');
  makeSigned(dir, 'server', '/CN=127.0.0.1', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  makeSigned(dir, 'client', '/CN=redlens', 'extendedKeyUsage=clientAuth\n');
  const file = (name: string) => path.join(dir, name);
  return {
    dir,
    ca: file('ca.pem'),
    serverCert: file('server.pem'),
    serverKey: file('server.key'),
    clientCert: file('client.pem'),
    clientKey: file('client.key'),
    otherCa: file('other-ca.pem'),
  };
}

export interface TlsRedis {
  server: RedisServer;
  /** The TLS port (the plain-text port is off). */
  port: number;
  files: TlsFiles;
}

/**
 * Starts redis-server with only a TLS port, requiring client certificates signed by the test CA.
 * startRedis checks readiness with a plain-text PING, so the plain port serves that check and is
 * then closed (CONFIG SET port 0): every later connection is TLS.
 */
export async function startTlsRedis(): Promise<TlsRedis> {
  const files = makeTlsFiles();
  const port = await freePort();
  const server = await startRedis({
    dir: path.join(files.dir, 'redis'),
    args: [
      '--tls-port', String(port),
      '--tls-cert-file', files.serverCert,
      '--tls-key-file', files.serverKey,
      '--tls-ca-cert-file', files.ca,
      '--tls-auth-clients', 'yes',
    ],
  });
  await closePlainPort(server);
  return { server, port, files };
}

async function closePlainPort(server: RedisServer): Promise<void> {
  const reply = await rawCommand(server.port, 'CONFIG SET port 0');
  if (reply !== '+OK') throw new Error(`closing the plain-text port answered ${reply}`);
}

/** Starts a stopped TLS server again (same ports, same certificates), TLS only as before. */
export async function relaunchTlsRedis(redis: TlsRedis): Promise<void> {
  await launch(redis.server);
  await closePlainPort(redis.server);
}

export const tlsRedisUrl = (redis: TlsRedis) => `rediss://127.0.0.1:${redis.port}`;
