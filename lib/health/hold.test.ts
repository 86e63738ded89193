import { describe, expect, it } from 'vitest';
import { CLOSED, IMMEDIATE, OPEN, stepHold, type HoldState, type Observation } from './hold';

const limits = { openAfter: 2, closeAfter: 3 };

/** Feeds observations one per 10 s from t=0; returns every change with its time and the last state. */
function run(observations: Observation[], start: HoldState = CLOSED, holdLimits = limits) {
  let state = start;
  const changes: string[] = [];
  observations.forEach((observation, i) => {
    const step = stepHold(state, observation, i * 10_000, holdLimits);
    state = step.state;
    if (step.change === 'opened') changes.push(`opened@${i * 10_000} since ${step.since}`);
    if (step.change === 'closed') changes.push(`closed@${i * 10_000} ended ${step.endedAt}`);
  });
  return { changes, state };
}

describe('stepHold', () => {
  it('never opens a condition that toggles every sample', () => {
    const toggling = Array.from({ length: 40 }, (_, i): Observation => (i % 2 === 0 ? 'held' : 'clear'));
    expect(run(toggling).changes).toEqual([]);
  });

  it('opens after 2 samples in a row, with since at the first of them', () => {
    expect(run(['held']).changes).toEqual([]);
    expect(run(['clear', 'held', 'held']).changes).toEqual(['opened@20000 since 10000']);
  });

  it('closes after 3 clear samples in a row, ending at the first of them', () => {
    expect(run(['held', 'held', 'clear', 'clear']).state.open).toBe(true);
    expect(run(['held', 'held', 'clear', 'clear', 'clear']).changes).toEqual(['opened@10000 since 0', 'closed@40000 ended 20000']);
  });

  it('never closes an open finding whose condition comes back within the closing period', () => {
    const flapping = Array.from({ length: 30 }, (_, i): Observation => (i % 3 === 2 ? 'held' : 'clear'));
    expect(run(flapping, OPEN).changes).toEqual([]);
  });

  it('moves nothing while frozen: an open finding keeps its since, a run under way keeps its count', () => {
    const down = Array.from({ length: 5 }, (): Observation => 'unknown');
    // open, then Redis down for 5 samples, then clear for only 2: still open
    expect(run(['held', 'held', ...down, 'clear', 'clear']).changes).toEqual(['opened@10000 since 0']);
    // one held sample before the freeze and one after make two in a row, since the first
    expect(run(['held', ...down, 'held']).changes).toEqual(['opened@60000 since 0']);
    // clear samples on both sides of a freeze add up
    expect(run(['clear', ...down, 'clear', 'clear'], OPEN).changes).toEqual(['closed@70000 ended 0']);
  });

  it('opens and closes at once with IMMEDIATE limits (instance-down)', () => {
    expect(run(['held', 'clear'], CLOSED, IMMEDIATE).changes).toEqual(['opened@0 since 0', 'closed@10000 ended 10000']);
  });

  it('treats limits below 1 as 1', () => {
    expect(run(['held'], CLOSED, { openAfter: 0, closeAfter: 0 }).changes).toEqual(['opened@0 since 0']);
  });
});
