import type { Metadata } from 'next';
import { SlowlogPage } from '@/components/slowlog/slowlog-page';
import type { InstanceParams } from '@/lib/instance-param';
import { instanceTitle, knownInstanceId } from '../known-instance';

export function generateMetadata({ params }: { params: InstanceParams }): Promise<Metadata> {
  return instanceTitle(params, 'Slow log');
}

export default async function InstanceSlowlogPage({ params }: { params: InstanceParams }) {
  const id = await knownInstanceId(params);
  return <SlowlogPage id={id} />;
}
