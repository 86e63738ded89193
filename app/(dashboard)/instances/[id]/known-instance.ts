// The instance id of a page under /instances/{id}, or Next's 404 when no such instance is
// configured: the page answers HTTP 404 with ./not-found.tsx, not a 200 holding an error panel.
import 'server-only';
import { notFound } from 'next/navigation';
import { instanceIdOf, type InstanceParams } from '@/lib/instance-param';
import { server } from '@/lib/server/root';

export async function knownInstanceId(params: InstanceParams): Promise<string> {
  const id = await instanceIdOf(params);
  if (!server().registry.get(id)) notFound();
  return id;
}
