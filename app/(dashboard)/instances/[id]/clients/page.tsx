import type { Metadata } from 'next';
import { ClientsView } from '@/components/clients/clients-view';
import type { InstanceParams } from '@/lib/instance-param';
import { instanceTitle, knownInstanceId } from '../known-instance';

export function generateMetadata({ params }: { params: InstanceParams }): Promise<Metadata> {
  return instanceTitle(params, 'Clients');
}

export default async function InstanceClientsPage({ params }: { params: InstanceParams }) {
  const id = await knownInstanceId(params);
  return <ClientsView id={id} />;
}
