import { describe, expect, it } from 'vitest';
import { isSecretSetting } from './config';

describe('isSecretSetting', () => {
  it('covers the named secrets and any name containing "pass"', () => {
    for (const name of ['requirepass', 'masterauth', 'masteruser', 'tls-key-file-pass', 'tls-client-key-file-pass', 'some-module-password', 'MASTERAUTH']) {
      expect(isSecretSetting(name), name).toBe(true);
    }
    for (const name of ['maxmemory', 'appendfsync', 'tls-cert-file', 'aclfile']) expect(isSecretSetting(name), name).toBe(false);
  });
});
