// The breadcrumb trail of every instance page: All instances / (a node's cluster) / the instance
// by its name / the page. The instance's own page ends at its name.
import type { InstanceSummary } from '@/lib/api/types';

export interface Crumb {
  label: string;
  /** null for the page shown (the last crumb). */
  href: string | null;
  /** The crumb of a node's cluster reads "A node of cluster …". */
  cluster?: true;
}

const instanceHref = (id: string) => `/instances/${encodeURIComponent(id)}`;

export function instanceCrumbs(
  id: string,
  page: string | null,
  summary: Pick<InstanceSummary, 'name' | 'memberOf'> | undefined,
): Crumb[] {
  const trail: Crumb[] = [{ label: 'All instances', href: '/' }];
  if (summary?.memberOf) trail.push({ label: summary.memberOf.clusterName, href: instanceHref(summary.memberOf.clusterId), cluster: true });
  trail.push({ label: summary?.name ?? id, href: page === null ? null : instanceHref(id) });
  if (page !== null) trail.push({ label: page, href: null });
  return trail;
}
