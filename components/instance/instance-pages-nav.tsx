import Link from 'next/link';

/**
 * An instance's other pages, linked from its header. On a Redis Cluster only those that answer
 * for the whole (each walks or merges every node); commands, latency and clients read one
 * server's INFO or CLIENT LIST: they are the nodes' pages.
 */
const PAGES = [
  { path: 'keys', label: 'Browse keys', wholeCluster: true },
  { path: 'slowlog', label: 'Slow log', wholeCluster: true },
  { path: 'analysis', label: 'Keyspace analysis', wholeCluster: true },
  { path: 'commands', label: 'Commands', wholeCluster: false },
  { path: 'latency', label: 'Latency', wholeCluster: false },
  { path: 'clients', label: 'Clients', wholeCluster: false },
  { path: 'config', label: 'Config audit', wholeCluster: true },
  { path: 'report', label: 'Weekly report', wholeCluster: true },
] as const;

export function InstancePagesNav({ id, cluster = false }: { id: string; cluster?: boolean }) {
  return (
    <nav aria-label="Instance pages" className="flex flex-wrap gap-2 sm:ml-auto">
      {PAGES.filter((page) => !cluster || page.wholeCluster).map((page) => (
        <Link
          key={page.path}
          href={`/instances/${encodeURIComponent(id)}/${page.path}`}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
        >
          {page.label}
        </Link>
      ))}
    </nav>
  );
}
