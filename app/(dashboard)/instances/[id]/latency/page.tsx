import type { Metadata } from 'next';
import { LatencyView } from '@/components/latency/latency-view';
import type { InstanceParams } from '@/lib/instance-param';
import { instanceTitle, knownInstanceId } from '../known-instance';

export function generateMetadata({ params }: { params: InstanceParams }): Promise<Metadata> {
  return instanceTitle(params, 'Latency');
}

export default async function InstanceLatencyPage({ params }: { params: InstanceParams }) {
  const id = await knownInstanceId(params);
  return <LatencyView id={id} />;
}
