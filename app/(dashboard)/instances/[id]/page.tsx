import type { Metadata } from 'next';
import { InstanceOverview } from '@/components/instance/instance-overview';
import { instanceIdOf, type InstanceParams } from '@/lib/instance-param';
import { knownInstanceId } from './known-instance';

export async function generateMetadata({ params }: { params: InstanceParams }): Promise<Metadata> {
  const id = await instanceIdOf(params);
  return { title: id };
}

export default async function InstancePage({ params }: { params: InstanceParams }) {
  const id = await knownInstanceId(params);
  return <InstanceOverview id={id} />;
}
