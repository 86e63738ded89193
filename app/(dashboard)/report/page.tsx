import type { Metadata } from 'next';
import { ReportView } from '@/components/report/report-view';
import { pageWeek } from '@/components/report/model/report-view';

export const metadata: Metadata = { title: 'Weekly report' };

// The week is resolved here, once, so the server's render and the browser's agree on "this week".
export default async function FleetReportPage({ searchParams }: { searchParams: Promise<{ week?: string | string[] }> }) {
  const { week } = await searchParams;
  return <ReportView instanceId={null} {...pageWeek(week)} />;
}
