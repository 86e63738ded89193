import { describe, expect, it } from 'vitest';
import { hashPassword, isPasswordHash, UNUSABLE_HASH, verifyPassword } from './password';

describe('password hashes', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse');
    expect(isPasswordHash(hash)).toBe(true);
    expect(hash).not.toContain('correct horse');
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('correct horse ', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('refuses everything against the unusable hash and malformed hashes', async () => {
    expect(await verifyPassword('', UNUSABLE_HASH)).toBe(false);
    expect(await verifyPassword('x', 'plain-text-password')).toBe(false);
  });

  it('accepts the hashes scripts/hash-password.mjs prints', async () => {
    const { hashPasswordForConfig } = await import('../../scripts/hash-password.mjs');
    expect(await verifyPassword('from the script', await hashPasswordForConfig('from the script'))).toBe(true);
  });
});
