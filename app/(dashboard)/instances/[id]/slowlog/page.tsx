import type { Metadata } from 'next';
import { SlowlogPage } from '@/components/slowlog/slowlog-page';
import { instanceIdOf, type InstanceParams } from '@/lib/instance-param';
import { knownInstanceId } from '../known-instance';

export async function generateMetadata({ params }: { params: InstanceParams }): Promise<Metadata> {
  const id = await instanceIdOf(params);
  return { title: `Slow log · ${id}` };
}

export default async function InstanceSlowlogPage({ params }: { params: InstanceParams }) {
  const id = await knownInstanceId(params);
  return <SlowlogPage id={id} />;
}
