// Reads an instance's TLS files once, at start, and checks that each holds what its field says
// (a CA or client certificate, a private key that matches it), so a wrong path or a wrong file
// stops the start with the field named instead of failing every connection later.
import 'server-only';
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { InstanceTls } from './schema';

/** The paths of one instance's `tls` object as the config file gives them. */
export interface TlsFileSettings {
  ca?: string;
  cert?: string;
  key?: string;
  servername?: string;
  rejectUnauthorized?: boolean;
}

/** One problem with one field, e.g. { field: 'instances[0].tls.ca', message: 'cannot read /x/ca.pem (ENOENT)' }. */
export interface TlsFileIssue {
  field: string;
  message: string;
}

/** A PEM bundle of CA certificates is a few KiB; anything past this is not one. */
const MAX_PEM_BYTES = 1024 * 1024;

const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

class FileIssue extends Error {}

function readPem(file: string): string {
  try {
    const size = statSync(file).size;
    if (size > MAX_PEM_BYTES) throw new FileIssue(`${file} is ${size} bytes: larger than a PEM file (1 MiB at most)`);
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof FileIssue) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new FileIssue(`cannot read ${file} (${code ?? (error as Error).message})`);
  }
}

/** Every certificate of a PEM file, each parsed (a file that holds none, or a broken one, is an issue). */
function certificates(file: string, text: string): X509Certificate[] {
  const blocks = text.match(CERTIFICATE_BLOCK) ?? [];
  if (blocks.length === 0) throw new FileIssue(`${file} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
  return blocks.map((block, index) => {
    try {
      return new X509Certificate(block);
    } catch (error) {
      throw new FileIssue(`${file}: certificate ${index + 1} does not parse (${(error as Error).message})`);
    }
  });
}

function privateKey(file: string, text: string): KeyObject {
  try {
    return createPrivateKey(text);
  } catch (error) {
    throw new FileIssue(`${file} is not an unencrypted PEM private key (${(error as Error).message})`);
  }
}

/**
 * Reads and checks the files of `settings` (paths relative to `baseDir`, the config file's folder).
 * `field` names the object in messages: `instances[0].tls`. Returns the contents or the issues.
 */
export function readTlsFiles(field: string, settings: TlsFileSettings, baseDir: string): { tls?: InstanceTls; issues: TlsFileIssue[] } {
  const issues: TlsFileIssue[] = [];
  const attempt = <T>(name: string, read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof FileIssue)) throw error;
      issues.push({ field: `${field}.${name}`, message: error.message });
      return undefined;
    }
  };
  const resolve = (file: string) => path.resolve(baseDir, file);

  const ca = settings.ca === undefined ? undefined : attempt('ca', () => {
    const file = resolve(settings.ca!);
    const text = readPem(file);
    certificates(file, text);
    return text;
  });
  const cert = settings.cert === undefined ? undefined : attempt('cert', () => {
    const file = resolve(settings.cert!);
    const text = readPem(file);
    return { text, leaf: certificates(file, text)[0]! };
  });
  const key = settings.key === undefined ? undefined : attempt('key', () => {
    const file = resolve(settings.key!);
    const text = readPem(file);
    return { text, object: privateKey(file, text) };
  });
  if (cert && key && !cert.leaf.checkPrivateKey(key.object)) {
    issues.push({ field: `${field}.key`, message: `${resolve(settings.key!)} is not the private key of the certificate in ${field}.cert` });
  }
  if (issues.length > 0) return { issues };
  return {
    issues,
    tls: {
      ...(ca !== undefined && { ca }),
      ...(cert !== undefined && { cert: cert.text }),
      ...(key !== undefined && { key: key.text }),
      ...(settings.servername !== undefined && { servername: settings.servername }),
      rejectUnauthorized: settings.rejectUnauthorized ?? true,
    },
  };
}
