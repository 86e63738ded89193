import type { Metadata } from 'next';
import { ClusterOverview } from '@/components/instance/cluster-overview';
import { InstanceOverview } from '@/components/instance/instance-overview';
import { instanceIdOf, type InstanceParams } from '@/lib/instance-param';
import { knownInstance } from './known-instance';

export async function generateMetadata({ params }: { params: InstanceParams }): Promise<Metadata> {
  const id = await instanceIdOf(params);
  return { title: id };
}

// A Redis Cluster has no INFO of its own: its page is the whole and its nodes.
export default async function InstancePage({ params }: { params: InstanceParams }) {
  const { id, cluster } = await knownInstance(params);
  return cluster ? <ClusterOverview id={id} /> : <InstanceOverview id={id} />;
}
