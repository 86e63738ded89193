// Hysteresis for findings (SPEC section 2): a finding opens only after its condition held
// `openAfter` samples in a row and closes only after `closeAfter` clear samples in a row, so a
// condition hovering at its threshold does not open and close a finding every sample. Pure: the
// findings store keeps one HoldState per rule and instance and writes what this decides.

/**
 * What one sample said about a rule's condition. `unknown`: the sample could not tell (Redis was
 * down or refused INFO), so nothing moves: no run grows or breaks, nothing opens or closes.
 */
export type Observation = 'held' | 'clear' | 'unknown';

export interface HoldState {
  open: boolean;
  /** While closed: samples in a row the condition held, and when that run began (unix ms). */
  heldRun: number;
  heldSince: number | null;
  /** While open: clear samples in a row, and when that run began (unix ms). */
  clearRun: number;
  clearSince: number | null;
}

export interface HoldLimits {
  openAfter: number;
  closeAfter: number;
}

export type HoldStep =
  | { state: HoldState; change: null }
  /** `since`: the first sample of the run that opened it: the condition has held since then. */
  | { state: HoldState; change: 'opened'; since: number }
  /** `endedAt`: the first sample of the clear run that closed it: the condition ended then. */
  | { state: HoldState; change: 'closed'; endedAt: number };

export const CLOSED: HoldState = { open: false, heldRun: 0, heldSince: null, clearRun: 0, clearSince: null };
export const OPEN: HoldState = { open: true, heldRun: 0, heldSince: null, clearRun: 0, clearSince: null };

/** Rules that state what the sampler saw this sample rather than a condition that holds: no hysteresis. */
export const IMMEDIATE: HoldLimits = { openAfter: 1, closeAfter: 1 };

/** The next state of one rule after a sample taken at `at`. */
export function stepHold(state: HoldState, observation: Observation, at: number, limits: HoldLimits): HoldStep {
  if (observation === 'unknown') return { state, change: null };
  const openAfter = Math.max(1, limits.openAfter);
  const closeAfter = Math.max(1, limits.closeAfter);
  if (!state.open) {
    if (observation === 'clear') return { state: CLOSED, change: null };
    const heldRun = state.heldRun + 1;
    const heldSince = state.heldSince ?? at;
    if (heldRun >= openAfter) return { state: OPEN, change: 'opened', since: heldSince };
    return { state: { ...CLOSED, heldRun, heldSince }, change: null };
  }
  if (observation === 'held') return { state: OPEN, change: null };
  const clearRun = state.clearRun + 1;
  const clearSince = state.clearSince ?? at;
  if (clearRun >= closeAfter) return { state: CLOSED, change: 'closed', endedAt: clearSince };
  return { state: { ...OPEN, clearRun, clearSince }, change: null };
}

/** Nothing to remember: closed with no run under way. */
export const isIdle = (state: HoldState): boolean => !state.open && state.heldRun === 0;
