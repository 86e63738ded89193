// The start form's fields as the POST body, checked by the API's own schema before anything is
// sent, so a bad sample size or glob is said beside the form, not as a 400 after the round trip.
import { analysisStartSchema, type AnalysisStart } from '@/lib/analysis/types';
import { MAX_MATCH_STARS } from '@/lib/keys/constants';
import { countUnescapedStars } from '@/lib/keys/glob';

export interface StartFields {
  db: string;
  mode: string;
  /** The sample size as typed ("100000", "100,000"); read only for a sample. */
  sampleKeys: string;
  /** An optional glob: only keys it matches are analysed. */
  match: string;
}

export type StartRequest = { ok: true; body: AnalysisStart } | { ok: false; message: string };

export function startRequest(fields: StartFields): StartRequest {
  const match = fields.match.trim();
  if (match.includes('\0')) return { ok: false, message: 'The pattern may not contain NUL.' };
  if (countUnescapedStars(match) > MAX_MATCH_STARS) {
    return { ok: false, message: `The pattern may have at most ${MAX_MATCH_STARS} * (more make Redis slow on long names).` };
  }
  const sampleText = fields.sampleKeys.replace(/[\s,_]/g, '');
  const candidate = {
    db: Number(fields.db),
    mode: fields.mode,
    ...(fields.mode === 'sample' ? { sampleKeys: sampleText === '' ? Number.NaN : Number(sampleText) } : {}),
    ...(match ? { match } : {}),
  };
  const parsed = analysisStartSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, body: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue?.path[0];
  if (field === 'sampleKeys') {
    const { minimum, maximum } = sampleBounds();
    return { ok: false, message: `The sample size is a whole number of keys from ${minimum.toLocaleString('en-US')} to ${maximum.toLocaleString('en-US')}.` };
  }
  if (field === 'match') return { ok: false, message: 'The pattern is too long.' };
  if (field === 'db') return { ok: false, message: 'Pick a database.' };
  return { ok: false, message: issue?.message ?? 'These settings cannot start an analysis.' };
}

/** The sample size bounds, read from the API's schema (never copied). */
export function sampleBounds(): { minimum: number; maximum: number } {
  const schema = analysisStartSchema.shape.sampleKeys.unwrap();
  return { minimum: schema.minValue ?? 1, maximum: schema.maxValue ?? Number.MAX_SAFE_INTEGER };
}
