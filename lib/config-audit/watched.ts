// The settings whose changes become `config-change` events (SPEC section 9): the audit's baseline
// of section 3 plus maxclients, save and appendonly. Pure: the sampler reads CONFIG GET * once a
// minute (it works on Redis 6, where CONFIG GET takes one pattern, and on 7 alike) and keeps only
// these, so secrets in the full reply go no further.
import { BASELINE } from './baseline';
import { reportedName } from './names';

/** Watched settings by their Redis 7 names. */
export const WATCHED_SETTINGS: readonly string[] = [...BASELINE.map((row) => row.name), 'maxclients', 'save', 'appendonly'];

/** The watched settings of a CONFIG GET * reply, each once, under the name the server reports (Redis 7's new one over its alias). */
export function pickWatchedSettings(all: Readonly<Record<string, string>>): Record<string, string> {
  const watched: Record<string, string> = {};
  for (const name of WATCHED_SETTINGS) {
    const reported = reportedName(all, name);
    if (reported !== null) watched[reported] = all[reported]!;
  }
  return watched;
}
