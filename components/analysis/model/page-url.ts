// The analysis page's URL: the run shown (`run`) and the earlier run it is compared with
// (`compare`), so a link opens the same view. Anything malformed is ignored.
import { withParams } from '@/lib/form-params';

export interface AnalysisPageState {
  run: string | null;
  compare: string | null;
}

/** Run ids are the server's (uuid-like); refusing anything else keeps odd text out of API paths. */
const RUN_ID = /^[A-Za-z0-9_-]{1,64}$/;

const runId = (value: string | null) => (value !== null && RUN_ID.test(value) ? value : null);

export function parseAnalysisPage(params: Pick<URLSearchParams, 'get'>): AnalysisPageState {
  const run = runId(params.get('run'));
  const compare = runId(params.get('compare'));
  // A run compared with itself shows nothing new.
  return { run, compare: run !== null && compare !== run ? compare : null };
}

/** The query string with the state changed; other parameters stay. */
export function analysisPageSearch(current: Pick<URLSearchParams, 'toString'>, state: AnalysisPageState): string {
  return withParams(current, { run: state.run ?? undefined, compare: state.compare ?? undefined });
}
