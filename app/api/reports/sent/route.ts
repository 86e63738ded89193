import 'server-only';
import { route } from '@/lib/http/route';
import type { SentReportsResponse } from '@/lib/delivery/types';
import { server } from '@/lib/server/root';

export const dynamic = 'force-dynamic';

// The weekly reports delivered to the config's webhook, newest week first (without their text).
export const GET = route({ role: 'viewer' }, (): SentReportsResponse => ({ reports: server().sentReports.list() }));
