import type { Me } from '@/lib/api/roles';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = route({ role: 'viewer' }, ({ principal, auth }): Me => ({
  username: principal!.username,
  role: principal!.role,
  readOnly: auth.readOnly,
}));
