// Where a finding is explained further: the instance page that shows what the rule judged
// (clients-high -> who is connected, latency-high -> the latency page, ...). Pure.

export interface FindingPage {
  /** The instance page, after /instances/{id}/. */
  path: 'clients' | 'latency' | 'commands' | 'config' | 'analysis' | 'slowlog';
  label: string;
}

const PAGES: Record<string, FindingPage> = {
  'clients-high': { path: 'clients', label: 'See who is connected' },
  'rejected-connections': { path: 'clients', label: 'See who is connected' },
  'latency-high': { path: 'latency', label: 'Open the latency page' },
  'slow-commands': { path: 'commands', label: 'See which commands cost the time' },
  'oom-errors': { path: 'commands', label: 'See the refused calls and errors' },
  'maxmemory-unset': { path: 'config', label: 'Open the config audit' },
  'config-changed': { path: 'config', label: 'Open the config audit' },
  'memory-near-limit': { path: 'analysis', label: 'See where the memory goes' },
  'evictions-high': { path: 'analysis', label: 'See where the memory goes' },
};

export function findingPageOf(findingId: string): FindingPage | null {
  return PAGES[findingId] ?? null;
}
