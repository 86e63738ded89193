// Redlens's own store, for the admins' banner: {ok, problem?, since?}. A look at the file system
// on each call (cheap); the minute check and failed writes do the rest.
import 'server-only';
import { route } from '@/lib/http/route';
import { server } from '@/lib/server/root';

export const dynamic = 'force-dynamic';

export const GET = route({ role: 'admin' }, () => server().storeStatus());
