import type { Metadata } from 'next';
import { LatencyView } from '@/components/latency/latency-view';
import { instanceIdOf, type InstanceParams } from '@/lib/instance-param';
import { knownInstanceId } from '../known-instance';

export async function generateMetadata({ params }: { params: InstanceParams }): Promise<Metadata> {
  const id = await instanceIdOf(params);
  return { title: `Latency · ${id}` };
}

export default async function InstanceLatencyPage({ params }: { params: InstanceParams }) {
  const id = await knownInstanceId(params);
  return <LatencyView id={id} />;
}
