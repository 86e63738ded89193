import type { Metadata } from 'next';
import { AnalysisPage } from '@/components/analysis/analysis-page';
import type { InstanceParams } from '@/lib/instance-param';
import { instanceTitle, knownInstanceId } from '../known-instance';

export function generateMetadata({ params }: { params: InstanceParams }): Promise<Metadata> {
  return instanceTitle(params, 'Keyspace analysis');
}

export default async function InstanceAnalysisPage({ params }: { params: InstanceParams }) {
  const id = await knownInstanceId(params);
  return <AnalysisPage id={id} />;
}
