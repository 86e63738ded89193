// The keyspace analysis as a job (SPEC section 10): the encoding thresholds in force, DBSIZE, then
// the walk (lib/redis/analysis-walk.ts) feeding an AnalysisAccumulator batch by batch, with
// progress after each batch. Cancelled, it resolves with what it counted (the runner keeps it).
import 'server-only';
import type { TtlPolicyRule } from '@/lib/keys/ttl-policy';
import { Rate } from '@/lib/jobs/rate';
import type { JobContext } from '@/lib/jobs/runner';
import { walkKeyspace, type WalkProgress } from '@/lib/redis/analysis-walk';
import { configGet } from '@/lib/redis/config';
import { redisErrorToApiError } from '@/lib/redis/errors';
import type { RedisInstance } from '@/lib/redis/registry';
import { AnalysisAccumulator } from './accumulator';
import { ENCODING_CONFIG_NAMES, encodingCandidate, encodingThresholdsOf, type EncodingThresholds } from './encoding';
import { compilePolicy } from './ttl-policy-audit';
import type { AnalysisParams, AnalysisProgress, AnalysisResult } from './types';

/**
 * The thresholds in force, one CONFIG GET per name (Redis 6 takes one pattern per call); all
 * pipelined by ioredis. Denied (an ACL without config|get, a renamed CONFIG): Redis's defaults.
 */
export async function readEncodingThresholds(instance: RedisInstance): Promise<EncodingThresholds> {
  try {
    const replies = await instance.run((client) => Promise.all(ENCODING_CONFIG_NAMES.map((name) => configGet(client, name))));
    return encodingThresholdsOf(Object.assign({}, ...replies) as Record<string, string>);
  } catch (error) {
    if (redisErrorToApiError(error)?.code !== 'REDIS_COMMAND_DENIED') throw error;
    return encodingThresholdsOf({});
  }
}

export interface AnalysisJobOptions {
  instance: RedisInstance;
  params: AnalysisParams;
  policy: readonly TtlPolicyRule[];
  now?: () => number;
}

/** The job's run(): the result of the whole db (or the sample), or of what it saw when cancelled. */
export function analysisJob({ instance, params, policy, now = Date.now }: AnalysisJobOptions) {
  return async ({ signal, progress }: JobContext): Promise<AnalysisResult> => {
    const encoding = await readEncodingThresholds(instance);
    const accumulator = new AnalysisAccumulator({ policy: compilePolicy(policy), encoding });
    const rate = new Rate(now);
    let dbSize = 0;
    let scanned = 0;
    const sample = params.mode === 'sample';
    const total = () => (sample ? Math.min(params.sampleKeys, dbSize) : dbSize);
    const report = (step: WalkProgress | null, perSecond: number | null) => {
      // A full run's DBSIZE is read at the start: keys written since may take it past 100 %.
      const left = Math.max(0, total() - scanned);
      const etaSeconds = perSecond ? Math.round(left / perSecond) : null;
      const current: AnalysisProgress = {
        done: scanned, total: total(), perSecond, etaSeconds,
        scanned, dbSize, keysPerSec: perSecond, pingMs: step?.pingMs ?? null, paced: step?.paced ?? false,
        ...(step?.paced && step.pingMs !== null && { note: `paced: PING ${step.pingMs.toFixed(1)} ms` }),
      };
      progress(current);
    };

    const walked = await walkKeyspace(instance, {
      db: params.db,
      ...(params.match !== undefined && { match: params.match }),
      ...(sample && { maxKeys: params.sampleKeys }),
      signal,
      wantsEncoding: (type, length) => encodingCandidate(type, length, encoding),
      onStart: (size) => {
        dbSize = size;
        report(null, null);
      },
      onBatch: (keys, step) => {
        accumulator.add(keys);
        scanned = step.scanned;
        report(step, rate.add(scanned));
      },
    });
    // Memory figures are a lower bound when MEMORY USAGE was refused: the result says so.
    const memoryError = walked.memoryError !== undefined ? { memoryError: walked.memoryError } : {};
    if (params.match === undefined) return { ...accumulator.result({ db: params.db, mode: params.mode, scanned, dbSize }), ...memoryError };
    // With MATCH nothing tells how many keys match: the figures are those of the keys seen, never
    // scaled up to DBSIZE (that would count every other key as matching); fractionSeen still
    // says how much of the db they are.
    const result = accumulator.result({ db: params.db, mode: params.mode, scanned, dbSize: scanned });
    return { ...result, dbSize, fractionSeen: dbSize > 0 ? Math.min(1, scanned / dbSize) : 1, ...memoryError };
  };
}
