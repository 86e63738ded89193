// Per-instance TLS in the config file (SPEC section 6): the schema's cases, and the files read and
// checked at start with messages that name the field (certificates made by openssl, test/tls.ts).
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTlsFiles, type TlsFiles } from '@/test/tls';
import { ConfigError, loadConfig } from './load';
import { instanceSchema } from './schema';
import { readTlsFiles } from './tls-files';

let files: TlsFiles;
let configDir: string;

beforeAll(() => {
  files = makeTlsFiles();
  configDir = mkdtempSync(path.join(tmpdir(), 'redlens-tls-config-'));
});

afterAll(() => {
  for (const dir of [files.dir, configDir]) rmSync(dir, { recursive: true, force: true });
});

/** The issues of one instance object, as "path: message" lines. */
function issuesOf(instance: unknown): string[] {
  const parsed = instanceSchema.safeParse(instance);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

function writeConfig(instances: unknown[]): string {
  const file = path.join(configDir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify({ instances }));
  return file;
}

function loadError(instances: unknown[]): string {
  try {
    loadConfig({ REDLENS_CONFIG: writeConfig(instances), REDLENS_DATA_DIR: configDir });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('loadConfig accepted a bad configuration');
}

describe('instanceSchema: tls', () => {
  const url = 'rediss://redis.internal:6380';

  it('accepts every field with a rediss:// url, and none', () => {
    expect(issuesOf({ id: 'a', url, tls: { ca: 'ca.pem', cert: 'c.pem', key: 'c.key', servername: 'redis.internal', rejectUnauthorized: false } })).toEqual([]);
    expect(issuesOf({ id: 'a', url, tls: {} })).toEqual([]);
    expect(issuesOf({ id: 'a', url })).toEqual([]);
    expect(issuesOf({ id: 'a', url: 'REDISS://redis.internal', tls: { ca: 'ca.pem' } })).toEqual([]);
  });

  it('refuses tls with a redis:// url, naming the field', () => {
    expect(issuesOf({ id: 'a', url: 'redis://redis.internal:6379', tls: { ca: 'ca.pem' } })).toEqual([
      'tls: needs a rediss:// url: with redis:// (or no url) the connection is plain text and these TLS settings would be ignored',
    ]);
  });

  it('wants a client certificate and its key together', () => {
    expect(issuesOf({ id: 'a', url, tls: { cert: 'c.pem' } })).toEqual(["tls.key: is required with tls.cert (the client certificate's private key)"]);
    expect(issuesOf({ id: 'a', url, tls: { key: 'c.key' } })).toEqual(['tls.cert: is required with tls.key (the client certificate)']);
  });

  it('refuses unknown fields and wrong types', () => {
    expect(issuesOf({ id: 'a', url, tls: { cafile: 'ca.pem' } })).toEqual([expect.stringMatching(/^tls: Unrecognized key/)]);
    expect(issuesOf({ id: 'a', url, tls: { rejectUnauthorized: 'no' } })).toEqual([expect.stringMatching(/^tls\.rejectUnauthorized: /)]);
    expect(issuesOf({ id: 'a', url, tls: { ca: '' } })).toEqual([expect.stringMatching(/^tls\.ca: /)]);
  });
});

describe('readTlsFiles', () => {
  it('reads the PEM texts, verifies by default, and resolves paths from the config file\'s folder', () => {
    const dir = path.join(configDir, 'relative');
    mkdirSync(path.join(dir, 'certs'), { recursive: true });
    copyFileSync(files.ca, path.join(dir, 'certs', 'ca.pem'));
    const { tls, issues } = readTlsFiles('instances[0].tls', { ca: 'certs/ca.pem', cert: files.clientCert, key: files.clientKey }, dir);
    expect(issues).toEqual([]);
    expect(tls).toEqual({
      ca: readFileSync(files.ca, 'utf8'),
      cert: readFileSync(files.clientCert, 'utf8'),
      key: readFileSync(files.clientKey, 'utf8'),
      rejectUnauthorized: true,
    });
    expect(readTlsFiles('t', { servername: 'redis.internal', rejectUnauthorized: false }, dir)).toEqual({
      issues: [], tls: { servername: 'redis.internal', rejectUnauthorized: false },
    });
  });

  it('names the field of a missing file, a file that is no PEM, and a key of another certificate', () => {
    const notPem = path.join(configDir, 'not-a-cert.pem');
    writeFileSync(notPem, 'hello, I am not a certificate\n');
    const { tls, issues } = readTlsFiles('instances[2].tls', { ca: '/nonexistent/ca.pem', cert: notPem, key: files.serverKey }, configDir);
    expect(tls).toBeUndefined();
    expect(issues).toEqual([
      { field: 'instances[2].tls.ca', message: 'cannot read /nonexistent/ca.pem (ENOENT)' },
      { field: 'instances[2].tls.cert', message: `${notPem} holds no PEM certificate (-----BEGIN CERTIFICATE-----)` },
    ]);
    const mismatch = readTlsFiles('instances[0].tls', { cert: files.clientCert, key: files.serverKey }, configDir);
    expect(mismatch.issues).toEqual([{ field: 'instances[0].tls.key', message: `${files.serverKey} is not the private key of the certificate in instances[0].tls.cert` }]);
  });

  it('refuses a broken certificate, a key that does not parse, and a folder', () => {
    const broken = path.join(configDir, 'broken.pem');
    writeFileSync(broken, '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n');
    const { issues } = readTlsFiles('i.tls', { ca: configDir, cert: broken, key: files.ca }, configDir);
    expect(issues.map((issue) => issue.field)).toEqual(['i.tls.ca', 'i.tls.cert', 'i.tls.key']);
    expect(issues[0]!.message).toBe(`cannot read ${configDir} (EISDIR)`);
    expect(issues[1]!.message).toMatch(new RegExp(`^${broken}: certificate 1 does not parse`));
    expect(issues[2]!.message).toMatch(new RegExp(`^${files.ca} is not an unencrypted PEM private key`));
  });
});

describe('loadConfig: tls', () => {
  it('puts the files\' contents on the instance', () => {
    const file = writeConfig([{ id: 's', url: 'rediss://127.0.0.1:6380', tls: { ca: files.ca, cert: files.clientCert, key: files.clientKey } }]);
    const config = loadConfig({ REDLENS_CONFIG: file, REDLENS_DATA_DIR: configDir });
    expect(config.instances[0]).toMatchObject({ id: 's', url: 'rediss://127.0.0.1:6380', tls: { rejectUnauthorized: true } });
    expect(config.instances[0]!.tls!.ca).toContain('-----BEGIN CERTIFICATE-----');
    expect(config.instances[0]!.tls!.key).toContain('PRIVATE KEY-----');
  });

  it('stops the start with every file problem, each field named', () => {
    const notPem = path.join(configDir, 'plain.txt');
    writeFileSync(notPem, 'not pem');
    const message = loadError([
      { id: 'ok', url: 'rediss://127.0.0.1:6380', tls: { ca: files.ca } },
      { id: 'bad', url: 'rediss://127.0.0.1:6381', tls: { ca: '/x/ca.pem', cert: notPem, key: files.clientKey } },
    ]);
    expect(message).toMatch(/^REDLENS_CONFIG \(.*\) is not valid:\n/);
    expect(message).toContain('  instances[1].tls.ca: cannot read /x/ca.pem (ENOENT)');
    expect(message).toContain(`  instances[1].tls.cert: ${notPem} holds no PEM certificate`);
    expect(message).not.toContain('instances[0]');
  });

  it('checks the schema first: tls with redis:// is refused before any file is read', () => {
    expect(loadError([{ id: 'p', url: 'redis://127.0.0.1:6379', tls: { ca: '/x/ca.pem' } }])).toContain('instances[0].tls: needs a rediss:// url');
  });
});
