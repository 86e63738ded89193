import type { Metadata } from 'next';
import { AnalysisPage } from '@/components/analysis/analysis-page';
import { instanceIdOf, type InstanceParams } from '@/lib/instance-param';
import { knownInstanceId } from '../known-instance';

export async function generateMetadata({ params }: { params: InstanceParams }): Promise<Metadata> {
  const id = await instanceIdOf(params);
  return { title: `Keyspace analysis · ${id}` };
}

export default async function InstanceAnalysisPage({ params }: { params: InstanceParams }) {
  const id = await knownInstanceId(params);
  return <AnalysisPage id={id} />;
}
