// Who may do what, and who is signed in (`Me`, GET /api/auth/me). No server imports: the browser
// uses the same names to hide what a role cannot do, and the configuration and the audit log name roles.

export const ROLES = ['viewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What a route asks for: nobody in particular, a reader, or someone who may change Redis. */
export type Requirement = 'anyone' | Role;

export interface Me {
  username: string;
  role: Role;
  /** REDLENS_READ_ONLY=1: no mutation is offered or accepted, whatever the role. */
  readOnly: boolean;
}

export function satisfies(role: Role | null, requirement: Requirement): boolean {
  if (requirement === 'anyone') return true;
  if (role === null) return false;
  return requirement === 'viewer' || role === 'admin';
}

/** True when this user may change Redis (and the UI should offer it). */
export const canMutate = (me: Me | undefined) => me?.role === 'admin' && !me.readOnly;
