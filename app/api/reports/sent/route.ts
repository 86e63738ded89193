import 'server-only';
import { route } from '@/lib/http/route';
import type { SentReportsResponse } from '@/lib/delivery/types';
import { server } from '@/lib/server/root';

export const dynamic = 'force-dynamic';

// The weekly reports delivered to the config's webhook, newest week first (without their text), and when they go out.
export const GET = route({ role: 'viewer' }, (): SentReportsResponse => {
  const reports = server().config.reports;
  return { schedule: reports && { weekday: reports.weekday, hour: reports.hour }, reports: server().sentReports.list() };
});
