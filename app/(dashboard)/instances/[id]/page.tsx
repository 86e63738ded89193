import type { Metadata } from 'next';
import { ClusterOverview } from '@/components/instance/cluster-overview';
import { InstanceOverview } from '@/components/instance/instance-overview';
import type { InstanceParams } from '@/lib/instance-param';
import { instanceTitle, knownInstance } from './known-instance';

export function generateMetadata({ params }: { params: InstanceParams }): Promise<Metadata> {
  return instanceTitle(params, null);
}

// A Redis Cluster has no INFO of its own: its page is the whole and its nodes.
export default async function InstancePage({ params }: { params: InstanceParams }) {
  const { id, cluster } = await knownInstance(params);
  return cluster ? <ClusterOverview id={id} /> : <InstanceOverview id={id} />;
}
