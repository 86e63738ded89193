import type { Metadata } from 'next';
import { ConfigAuditView } from '@/components/config/config-audit-view';
import type { InstanceParams } from '@/lib/instance-param';
import { instanceTitle, knownInstanceId } from '../known-instance';

export function generateMetadata({ params }: { params: InstanceParams }): Promise<Metadata> {
  return instanceTitle(params, 'Config audit');
}

export default async function InstanceConfigPage({ params }: { params: InstanceParams }) {
  const id = await knownInstanceId(params);
  return <ConfigAuditView id={id} />;
}
