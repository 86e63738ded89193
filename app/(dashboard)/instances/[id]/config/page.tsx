import type { Metadata } from 'next';
import { ConfigAuditView } from '@/components/config/config-audit-view';
import { instanceIdOf, type InstanceParams } from '@/lib/instance-param';
import { knownInstanceId } from '../known-instance';

export async function generateMetadata({ params }: { params: InstanceParams }): Promise<Metadata> {
  const id = await instanceIdOf(params);
  return { title: `Config audit · ${id}` };
}

export default async function InstanceConfigPage({ params }: { params: InstanceParams }) {
  const id = await knownInstanceId(params);
  return <ConfigAuditView id={id} />;
}
