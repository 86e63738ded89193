// The live view's filters, kept in the URL, and the entries they keep.
import type { SlowlogEntryView } from '@/lib/slowlog/types';

export interface SlowlogFilters {
  /** A command name, matched whole and case-insensitively: "KEYS". */
  command?: string;
  /** Part of the client's address or name. */
  client?: string;
  /** Part of the command line (command and arguments). */
  text?: string;
  /** A Redis Cluster instance's log: the node (host:port) that logged the entry, matched whole. */
  node?: string;
}

export const FILTER_PARAMS = ['command', 'client', 'text', 'node'] as const;
/** The live log is filtered in the page, not by an API: this only keeps a pasted URL's text short. */
export const FILTER_MAX_LENGTH = 200;

export function parseSlowlogFilters(params: Pick<URLSearchParams, 'get'>): SlowlogFilters {
  const filters: SlowlogFilters = {};
  for (const name of FILTER_PARAMS) {
    const value = params.get(name)?.trim().slice(0, FILTER_MAX_LENGTH);
    if (value) filters[name] = name === 'command' ? value.toUpperCase() : value;
  }
  return filters;
}

export const hasFilters = (filters: SlowlogFilters) => FILTER_PARAMS.some((name) => filters[name] !== undefined);

/** A stable string of the filters, to key the form that edits them. */
export const filtersKey = (filters: SlowlogFilters) => FILTER_PARAMS.map((name) => filters[name] ?? '').join('\u0000');

export function filterEntries<T extends SlowlogEntryView>(entries: readonly T[], filters: SlowlogFilters): T[] {
  const command = filters.command?.toUpperCase();
  const client = filters.client?.toLowerCase();
  const text = filters.text?.toLowerCase();
  return entries.filter((entry) => {
    if (command && (entry.args[0] ?? '').toUpperCase() !== command) return false;
    if (client && !`${entry.client}\n${entry.clientName}`.toLowerCase().includes(client)) return false;
    if (text && !entry.args.join(' ').toLowerCase().includes(text)) return false;
    if (filters.node && entry.node?.address !== filters.node) return false;
    return true;
  });
}

/** The command names present, sorted, for the command filter's choices. */
export function commandsIn(entries: readonly SlowlogEntryView[]): string[] {
  return [...new Set(entries.map((entry) => (entry.args[0] ?? '').toUpperCase()).filter(Boolean))].sort();
}

/** The nodes present (a Redis Cluster instance's merged log), sorted, for the node filter's choices. */
export function nodesIn(entries: readonly SlowlogEntryView[]): string[] {
  return [...new Set(entries.flatMap((entry) => (entry.node ? [entry.node.address] : [])))].sort();
}
