import type { Metadata } from 'next';
import { CommandsView } from '@/components/commands/commands-view';
import type { InstanceParams } from '@/lib/instance-param';
import { instanceTitle, knownInstanceId } from '../known-instance';

export function generateMetadata({ params }: { params: InstanceParams }): Promise<Metadata> {
  return instanceTitle(params, 'Commands');
}

export default async function InstanceCommandsPage({ params }: { params: InstanceParams }) {
  const id = await knownInstanceId(params);
  return <CommandsView id={id} />;
}
