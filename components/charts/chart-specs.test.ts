// The charts' target lines follow the thresholds they are given; with the defaults they read as
// they always did (the e2e specs look for these texts).
import { describe, expect, it } from 'vitest';
import { TARGETS, type Thresholds } from '@/lib/health-targets';
import { CHART_IDS, CHARTED_FINDINGS, chartSpecs } from './chart-specs';

const targetsOf = (thresholds: Thresholds) =>
  Object.fromEntries(chartSpecs(thresholds).flatMap((spec) => (spec.target ? [[spec.id, spec.target]] : [])));

describe('chartSpecs', () => {
  it('draws the default targets with the labels they always had', () => {
    expect(targetsOf({ ...TARGETS })).toEqual({
      hitRatio: { value: 0.8, label: 'target > 80 %' },
      evictedPerSec: { value: 100, label: 'evictions < 100/s' },
      connectedClients: { value: 50, label: 'target < 50' },
      fragmentationRatio: { value: 1.5, label: 'target < 1.5' },
      pingP95Ms: { value: 1, label: 'target < 1 ms' },
    });
  });

  it('draws the thresholds in force, values and labels', () => {
    const custom: Thresholds = { ...TARGETS, hitRatioMin: 0.575, clientsMax: 7, evictedPerSecMax: 0, fragmentationRatioMax: 2, latencyP95MsMax: 2.5 };
    expect(targetsOf(custom)).toEqual({
      hitRatio: { value: 0.575, label: 'target > 57.5 %' },
      evictedPerSec: { value: 0, label: 'evictions < 0/s' },
      connectedClients: { value: 7, label: 'target < 7' },
      fragmentationRatio: { value: 2, label: 'target < 2' },
      pingP95Ms: { value: 2.5, label: 'target < 2.5 ms' },
    });
  });

  it('keeps the charts, their order and the findings they mark whatever the thresholds', () => {
    const specs = chartSpecs({ ...TARGETS, clientsMax: 7 });
    expect(specs.map((spec) => spec.id)).toEqual(CHART_IDS);
    expect(specs.map((spec) => spec.id)).toEqual(chartSpecs({ ...TARGETS }).map((spec) => spec.id));
    expect(specs.filter((spec) => !spec.target).map((spec) => spec.id)).toEqual(['usedMemory', 'opsPerSec']);
    for (const spec of specs) for (const id of spec.findings) expect(CHARTED_FINDINGS.has(id)).toBe(true);
  });
});
