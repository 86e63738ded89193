// Liveness of the dashboard itself: answers without touching Redis.
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = route({ role: 'anyone' }, () => ({ ok: true }));
