// The instance id of a page under /instances/{id}, or Next's 404 when no such instance is
// configured: the page answers HTTP 404 with ./not-found.tsx, not a 200 holding an error panel.
import 'server-only';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { instanceIdOf, type InstanceParams } from '@/lib/instance-param';
import { instancePageTitle } from '@/lib/page-title';
import type { RedisInstance } from '@/lib/redis/registry';
import { server } from '@/lib/server/root';

/**
 * The instance, or for a cluster node not discovered yet (Redlens just started), its cluster's
 * topology asked first: node ids start with the cluster's id and a dot.
 */
async function findInstance(id: string): Promise<RedisInstance | undefined> {
  const { registry } = server();
  const known = registry.get(id);
  if (known) return known;
  const cluster = registry.list().find((instance) => instance.topology && id.startsWith(`${instance.id}.`));
  if (cluster) await cluster.topology!.current().catch(() => null);
  return registry.get(id);
}

export async function knownInstanceId(params: InstanceParams): Promise<string> {
  const id = await instanceIdOf(params);
  if (!(await findInstance(id))) notFound();
  return id;
}

/** The id and what kind of page it needs: a Redis Cluster's page lists its nodes. */
export async function knownInstance(params: InstanceParams): Promise<{ id: string; cluster: boolean }> {
  const id = await instanceIdOf(params);
  const instance = await findInstance(id);
  if (!instance) notFound();
  return { id, cluster: instance.topology !== null };
}

/** The tab title of an instance's page: the page, then the instance by its name (not its id). */
export async function instanceTitle(params: InstanceParams, page: string | null): Promise<Metadata> {
  const id = await instanceIdOf(params);
  const instance = await findInstance(id);
  return { title: instancePageTitle(page, instance?.name ?? id) };
}
