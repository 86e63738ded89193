import { describe, expect, it } from 'vitest';
import { LOGIN_MAX_LENGTH, loginBodySchema } from './login';

describe('the sign-in form bounds', () => {
  it('are read from the schema, so the form cannot drift from what the API accepts', () => {
    // undefined here would leave the form's inputs without a maxLength, silently.
    expect(LOGIN_MAX_LENGTH).toEqual({ username: 64, password: 1024 });
    expect(loginBodySchema.safeParse({ username: 'u'.repeat(LOGIN_MAX_LENGTH.username!), password: 'p' }).success).toBe(true);
    expect(loginBodySchema.safeParse({ username: 'u'.repeat(LOGIN_MAX_LENGTH.username! + 1), password: 'p' }).success).toBe(false);
  });
});
