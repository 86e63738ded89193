import type { Metadata } from 'next';
import { CommandsView } from '@/components/commands/commands-view';
import { instanceIdOf, type InstanceParams } from '@/lib/instance-param';
import { knownInstanceId } from '../known-instance';

export async function generateMetadata({ params }: { params: InstanceParams }): Promise<Metadata> {
  const id = await instanceIdOf(params);
  return { title: `Commands · ${id}` };
}

export default async function InstanceCommandsPage({ params }: { params: InstanceParams }) {
  const id = await knownInstanceId(params);
  return <CommandsView id={id} />;
}
