import type { Metadata } from 'next';
import { ReportView } from '@/components/report/report-view';
import { pageWeek } from '@/components/report/model/report-view';
import type { InstanceParams } from '@/lib/instance-param';
import { instanceTitle, knownInstanceId } from '../known-instance';

export function generateMetadata({ params }: { params: InstanceParams }): Promise<Metadata> {
  return instanceTitle(params, 'Weekly report');
}

// The week is resolved here, once, so the server's render and the browser's agree on "this week".
export default async function InstanceReportPage({ params, searchParams }: { params: InstanceParams; searchParams: Promise<{ week?: string | string[] }> }) {
  const id = await knownInstanceId(params);
  const { week } = await searchParams;
  return <ReportView instanceId={id} {...pageWeek(week)} />;
}
