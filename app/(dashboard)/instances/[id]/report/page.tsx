import type { Metadata } from 'next';
import { ReportView } from '@/components/report/report-view';
import { pageWeek } from '@/components/report/model/report-view';
import { instanceIdOf, type InstanceParams } from '@/lib/instance-param';
import { knownInstanceId } from '../known-instance';

export async function generateMetadata({ params }: { params: InstanceParams }): Promise<Metadata> {
  const id = await instanceIdOf(params);
  return { title: `Weekly report · ${id}` };
}

// The week is resolved here, once, so the server's render and the browser's agree on "this week".
export default async function InstanceReportPage({ params, searchParams }: { params: InstanceParams; searchParams: Promise<{ week?: string | string[] }> }) {
  const id = await knownInstanceId(params);
  const { week } = await searchParams;
  return <ReportView instanceId={id} {...pageWeek(week)} />;
}
