// What each history chart shows: its series, units, target line and the findings it marks.
// Targets are the production targets of SPEC section 2 (lib/health-targets.ts).
import type { Metric } from '@/lib/history/types';
import type { ValueKind } from '@/lib/format';
import { TARGETS } from '@/lib/health-targets';

export interface SeriesSpec {
  metric: Metric;
  label: string;
  /** A hex colour: SVG strokes take no Tailwind classes. */
  color: string;
  draw: 'area' | 'line' | 'dashed';
}

export interface ChartSpec {
  /** The first series' metric; the container's test id is `chart-{id}`. */
  id: Metric;
  title: string;
  kind: ValueKind;
  /** The unit of a rate ("ops/s"). */
  unit?: string;
  series: SeriesSpec[];
  target?: { value: number; label: string };
  /** A fixed y domain (hit ratio is 0..100 %); otherwise from 0 to the data's maximum. */
  domain?: [number, number];
  /** Health rule ids whose firing this chart marks. */
  findings: string[];
  /** Said when a chart has no value in the range although others do. */
  emptyHint?: string;
}

const RED = '#b91c1c'; // red-700
const SLATE = '#64748b'; // slate-500
const AMBER = '#d97706'; // amber-600
const SKY = '#0369a1'; // sky-700

export const CHART_SPECS: ChartSpec[] = [
  {
    id: 'usedMemory',
    title: 'Memory',
    kind: 'bytes',
    series: [
      { metric: 'usedMemory', label: 'Used', color: RED, draw: 'area' },
      { metric: 'usedMemoryRss', label: 'RSS', color: SLATE, draw: 'line' },
      { metric: 'maxmemory', label: 'maxmemory', color: AMBER, draw: 'dashed' },
    ],
    findings: ['memory-near-limit', 'maxmemory-unset'],
  },
  {
    id: 'hitRatio',
    title: 'Hit ratio',
    kind: 'percent',
    series: [{ metric: 'hitRatio', label: 'Hit ratio', color: RED, draw: 'line' }],
    target: { value: TARGETS.hitRatioMin, label: `target > ${TARGETS.hitRatioMin * 100} %` },
    domain: [0, 1],
    findings: ['hit-ratio-low'],
    emptyHint: 'A hit ratio needs reads of keys (GET, HGET …) between two samples.',
  },
  {
    id: 'opsPerSec',
    title: 'Throughput',
    kind: 'rate',
    unit: 'ops/s',
    series: [{ metric: 'opsPerSec', label: 'Commands', color: RED, draw: 'area' }],
    findings: [],
  },
  {
    id: 'evictedPerSec',
    title: 'Evicted and expired keys',
    kind: 'rate',
    unit: 'keys/s',
    series: [
      { metric: 'evictedPerSec', label: 'Evicted', color: RED, draw: 'line' },
      { metric: 'expiredPerSec', label: 'Expired', color: SKY, draw: 'line' },
    ],
    target: { value: TARGETS.evictedPerSecMax, label: `evictions < ${TARGETS.evictedPerSecMax}/s` },
    findings: ['evictions-high'],
  },
  {
    id: 'connectedClients',
    title: 'Connected clients',
    kind: 'count',
    series: [
      { metric: 'connectedClients', label: 'Connected', color: RED, draw: 'line' },
      { metric: 'blockedClients', label: 'Blocked', color: AMBER, draw: 'dashed' },
    ],
    target: { value: TARGETS.clientsMax, label: `target < ${TARGETS.clientsMax}` },
    findings: ['clients-high', 'blocked-clients'],
  },
  {
    id: 'fragmentationRatio',
    title: 'Fragmentation ratio',
    kind: 'ratio',
    series: [{ metric: 'fragmentationRatio', label: 'RSS / used', color: RED, draw: 'line' }],
    target: { value: TARGETS.fragmentationRatioMax, label: `target < ${TARGETS.fragmentationRatioMax}` },
    findings: ['fragmentation-high'],
  },
  {
    id: 'pingP95Ms',
    title: 'PING round trip, p95',
    kind: 'ms',
    series: [{ metric: 'pingP95Ms', label: 'p95', color: RED, draw: 'line' }],
    target: { value: TARGETS.latencyP95MsMax, label: `target < ${TARGETS.latencyP95MsMax} ms` },
    // Slow commands block the event loop, which is what a slow PING shows.
    findings: ['latency-high', 'slow-commands'],
  },
];

/** Rules every chart marks: while Redis did not answer, every series has its gap there. */
export const FINDINGS_ON_EVERY_CHART = ['instance-down'];

export const chartMarks = (spec: ChartSpec, ruleId: string) =>
  FINDINGS_ON_EVERY_CHART.includes(ruleId) || spec.findings.includes(ruleId);

/** Rule ids some chart marks; the others (persistence, replication) are listed in words only. */
export const CHARTED_FINDINGS = new Set([...FINDINGS_ON_EVERY_CHART, ...CHART_SPECS.flatMap((spec) => spec.findings)]);

export const SEVERITY_COLOR = {
  critical: '#dc2626', // red-600
  warning: '#f59e0b', // amber-500
  info: '#0284c7', // sky-600
} as const;
