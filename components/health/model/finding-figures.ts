// How a finding's value and threshold read on the page. The rules (rules.ts) send bare numbers,
// ratios as 0..1 like TARGETS; the unit follows from the rule, so it is looked up here by rule id.
import { formatBytes, formatMetricValue, formatNumber } from '@/lib/format';

const FORMAT_BY_RULE: Record<string, (figure: number) => string> = {
  'hit-ratio-low': (figure) => formatMetricValue('percent', figure),
  'memory-near-limit': (figure) => formatMetricValue('percent', figure),
  'maxmemory-unset': (figure) => formatBytes(figure),
  'fragmentation-high': (figure) => formatMetricValue('ratio', figure),
  'clients-high': (figure) => `${formatNumber(figure, 0)} clients`,
  'blocked-clients': (figure) => `${formatNumber(figure, 0)} blocked`,
  'evictions-high': (figure) => formatMetricValue('rate', figure, 'keys/s'),
  'latency-high': (figure) => formatMetricValue('ms', figure),
  'slow-commands': (figure) => `${formatNumber(figure, 0)} in the slow log`,
  'replication-broken': (figure) => `${formatNumber(figure, 0)} s since last I/O`,
  'data-loss-on-restart': (figure) => `${formatMetricValue('percent', figure)} of the keys kept`,
  'oom-errors': (figure) => `${formatNumber(figure, 0)} refused writes`,
  'rejected-connections': (figure) => `${formatNumber(figure, 0)} refused connections`,
  'config-changed': (figure) => `${formatNumber(figure, 0)} setting${figure === 1 ? '' : 's'}`,
};

/** A value or threshold with its unit; strings (already worded by the rule) pass through; null is none. */
export function formatFindingFigure(ruleId: string, figure: number | string | null): string | null {
  if (figure === null) return null;
  if (typeof figure === 'string') return figure.trim() === '' ? null : figure;
  if (!Number.isFinite(figure)) return null;
  const format = FORMAT_BY_RULE[ruleId];
  return format ? format(figure) : formatNumber(figure);
}
