// The sign-in request's shape, shared by the route (lib/auth/login.ts) and the sign-in form, which
// reads its field lengths from here instead of copying them. No server imports.
import { z } from 'zod';

export const loginBodySchema = z
  .object({
    username: z.string().min(1).max(64),
    password: z.string().min(1).max(1024),
  })
  .strict();

export type LoginBody = z.infer<typeof loginBodySchema>;

/** The longest username and password the API takes, for the form's maxLength. */
export const LOGIN_MAX_LENGTH = {
  username: loginBodySchema.shape.username.maxLength ?? undefined,
  password: loginBodySchema.shape.password.maxLength ?? undefined,
};
