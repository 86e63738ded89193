// What each history chart shows: its series, units, target line and the findings it marks.
// Target lines are the thresholds in force (the config file's `thresholds` over the production
// targets of SPEC section 2), which the metrics API answers: the line a chart draws is the one
// the health rules judge by.
import type { Metric } from '@/lib/history/types';
import { formatPercent, type ValueKind } from '@/lib/format';
import type { Thresholds } from '@/lib/health-targets';
import { CHART_COLOR } from './chart-colors';

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

const { red: RED, slate: SLATE, amber: AMBER, sky: SKY } = CHART_COLOR;

/** A chart as declared: its target line is drawn from the thresholds when they are known. */
type DeclaredSpec = Omit<ChartSpec, 'target'> & { target?: (thresholds: Thresholds) => ChartSpec['target'] };

const DECLARED: DeclaredSpec[] = [
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
    target: ({ hitRatioMin }) => ({ value: hitRatioMin, label: `target > ${formatPercent(hitRatioMin)}` }),
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
    target: ({ evictedPerSecMax }) => ({ value: evictedPerSecMax, label: `evictions < ${evictedPerSecMax}/s` }),
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
    target: ({ clientsMax }) => ({ value: clientsMax, label: `target < ${clientsMax}` }),
    findings: ['clients-high', 'blocked-clients'],
  },
  {
    id: 'fragmentationRatio',
    title: 'Fragmentation ratio',
    kind: 'ratio',
    series: [{ metric: 'fragmentationRatio', label: 'RSS / used', color: RED, draw: 'line' }],
    target: ({ fragmentationRatioMax }) => ({ value: fragmentationRatioMax, label: `target < ${fragmentationRatioMax}` }),
    findings: ['fragmentation-high'],
  },
  {
    id: 'pingP95Ms',
    title: 'PING round trip, p95',
    kind: 'ms',
    series: [{ metric: 'pingP95Ms', label: 'p95', color: RED, draw: 'line' }],
    target: ({ latencyP95MsMax }) => ({ value: latencyP95MsMax, label: `target < ${latencyP95MsMax} ms` }),
    // Slow commands block the event loop, which is what a slow PING shows.
    findings: ['latency-high', 'slow-commands'],
  },
];

/** The charts, in order, with their target lines at the thresholds in force. */
export function chartSpecs(thresholds: Thresholds): ChartSpec[] {
  return DECLARED.map(({ target, ...spec }) => (target ? { ...spec, target: target(thresholds) } : spec));
}

/** Every chart's id, in order (for placeholders drawn before the thresholds are known). */
export const CHART_IDS: Metric[] = DECLARED.map((spec) => spec.id);

/** Rules every chart marks: while Redis did not answer, every series has its gap there. */
export const FINDINGS_ON_EVERY_CHART = ['instance-down'];

export const chartMarks = (spec: ChartSpec, ruleId: string) =>
  FINDINGS_ON_EVERY_CHART.includes(ruleId) || spec.findings.includes(ruleId);

/** Rule ids some chart marks; the others (persistence, replication) are listed in words only. */
export const CHARTED_FINDINGS = new Set([...FINDINGS_ON_EVERY_CHART, ...DECLARED.flatMap((spec) => spec.findings)]);

export { SEVERITY_COLOR } from './chart-colors';
