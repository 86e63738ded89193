import type { Metadata } from 'next';
import { ClientsView } from '@/components/clients/clients-view';
import { instanceIdOf, type InstanceParams } from '@/lib/instance-param';
import { knownInstanceId } from '../known-instance';

export async function generateMetadata({ params }: { params: InstanceParams }): Promise<Metadata> {
  const id = await instanceIdOf(params);
  return { title: `Clients · ${id}` };
}

export default async function InstanceClientsPage({ params }: { params: InstanceParams }) {
  const id = await knownInstanceId(params);
  return <ClientsView id={id} />;
}
