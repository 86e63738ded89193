// Production targets from the tuning guide (SPEC section 2): the defaults of the health rules,
// shared by the rules, the configuration (whose `thresholds` override them) and the pages that
// show them beside live figures. Outside lib/health so that lib/config, which every server layer
// reads, can take the defaults without importing a layer above it. No imports.

export const TARGETS = {
  hitRatioMin: 0.8,
  /** Below this many lookups a hit ratio says nothing (the gate of the hit-ratio-low rule). */
  hitRatioMinLookups: 100,
  clientsMax: 50,
  memoryUsedRatioMax: 0.8,
  fragmentationRatioMax: 1.5,
  /** A high ratio on a near-empty Redis is harmless: only warn above this many fragmented bytes. */
  fragmentationBytesMin: 10 * 1024 * 1024,
  evictedPerSecMax: 100,
  latencyP95MsMax: 1,
  /** blocked-clients fires when clients stay blocked this many samples in a row. */
  blockedClientsSamples: 3,
  replicationLagSecondsMax: 10,
  /** How far back slow-commands looks at the slow log. */
  slowCommandsWindowMinutes: 15,
  /** A finding opens after its condition held this many samples in a row ... */
  findingOpenSamples: 2,
  /** ... and closes after it was clear this many (samples while Redis is down count for neither). */
  findingCloseSamples: 3,
  /** data-loss (event) and data-loss-on-restart (finding) need at least this many keys before. */
  dataLossKeysMin: 1000,
} as const;

/**
 * Above this share of its limit memory is critical, not a warning: evictions or refused writes are
 * a few percent away. Fixed, not a threshold: `memoryUsedRatioMax` says when to start warning.
 */
export const MEMORY_CRITICAL_RATIO = 0.95;

/**
 * How severe memory used against its limit is: the memory-near-limit finding's severity, which the
 * memory bar shows too, so the page and the finding never disagree.
 */
export function memorySeverity(usedRatio: number, memoryUsedRatioMax: number): 'warning' | 'critical' | null {
  if (usedRatio <= memoryUsedRatioMax) return null;
  return usedRatio > MEMORY_CRITICAL_RATIO ? 'critical' : 'warning';
}

/** The health thresholds in force: TARGETS, with the config file's `thresholds` over them. */
export type Thresholds = { [K in keyof typeof TARGETS]: number };
