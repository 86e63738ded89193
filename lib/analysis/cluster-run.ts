// The keyspace analysis of a Redis Cluster instance (SPEC section 6): each master serving slots
// walked one after the other (db 0, the only one a cluster has) with the same walk
// (lib/redis/analysis-walk.ts, on the master's own counted pipe, paced on its PING) feeding one
// AnalysisAccumulator, so the result is the cluster's keyspace as one. Progress is over the whole:
// the masters' DBSIZE summed at the start. A sample takes from each master its share of the
// cluster's keys, so it is not the first master's keys alone.
import 'server-only';
import { Rate } from '@/lib/jobs/rate';
import type { JobContext } from '@/lib/jobs/runner';
import { walkKeyspace, type WalkProgress } from '@/lib/redis/analysis-walk';
import { AnalysisAccumulator } from './accumulator';
import { encodingCandidate } from './encoding';
import type { AnalysisJobOptions } from './run';
import { readEncodingThresholds } from './run';
import { compilePolicy } from './ttl-policy-audit';
import type { AnalysisClusterNode, AnalysisProgress, AnalysisResult } from './types';

/** Keys a sample takes from a master holding `size` of the cluster's `total`: its share, rounded up. */
export function sampleShare(sampleKeys: number, size: number, total: number): number {
  if (total <= 0 || size <= 0) return 0;
  return Math.min(size, Math.ceil((sampleKeys * size) / total));
}

export function clusterAnalysisJob({ instance: cluster, params, policy, now = Date.now }: AnalysisJobOptions) {
  return async ({ signal, progress }: JobContext): Promise<AnalysisResult> => {
    const topology = cluster.topology!;
    const masters = await topology.masters();
    // The nodes of one cluster share their configuration (its config page says where they do not).
    const encoding = await readEncodingThresholds(masters[0] ?? cluster);
    const accumulator = new AnalysisAccumulator({ policy: compilePolicy(policy), encoding });
    const sizes = await Promise.all(masters.map((master) => master.run((client) => client.dbsize())));
    const dbSize = sizes.reduce((sum, size) => sum + size, 0);
    const sample = params.mode === 'sample';
    const total = sample ? Math.min(params.sampleKeys, dbSize) : dbSize;
    const nodes: AnalysisClusterNode[] = masters.map((master, i) => ({
      instanceId: master.id, address: topology.nodeOf(master)?.address ?? master.address, dbSize: sizes[i]!, scanned: 0, walked: false,
    }));
    const rate = new Rate(now);
    let scanned = 0;
    let memoryError: string | undefined;
    const report = (step: WalkProgress | null, perSecond: number | null) => {
      const left = Math.max(0, total - scanned);
      const walking = nodes.filter((node) => node.walked);
      const current: AnalysisProgress = {
        done: scanned, total, perSecond, etaSeconds: perSecond ? Math.round(left / perSecond) : null,
        scanned, dbSize, keysPerSec: perSecond, pingMs: step?.pingMs ?? null, paced: step?.paced ?? false,
        ...(walking.length > 0 && { master: { walking: walking.length, of: nodes.length, address: walking.at(-1)!.address } }),
        ...(step?.paced && step.pingMs !== null && { note: `paced: PING ${step.pingMs.toFixed(1)} ms` }),
      };
      progress(current);
    };
    report(null, null);

    for (const [i, master] of masters.entries()) {
      if (signal.aborted) break;
      const node = nodes[i]!;
      const maxKeys = sample ? sampleShare(params.sampleKeys, node.dbSize, dbSize) : undefined;
      if (maxKeys === 0) continue;
      node.walked = true;
      const before = scanned;
      const walked = await walkKeyspace(master, {
        db: 0,
        ...(params.match !== undefined && { match: params.match }),
        ...(maxKeys !== undefined && { maxKeys }),
        signal,
        wantsEncoding: (type, length) => encodingCandidate(type, length, encoding),
        onBatch: (keys, step) => {
          accumulator.add(keys);
          node.scanned = step.scanned;
          scanned = before + step.scanned;
          report(step, rate.add(scanned));
        },
      });
      node.scanned = walked.scanned;
      scanned = before + walked.scanned;
      memoryError ??= walked.memoryError;
    }

    const walkedMasters = { masters: nodes.filter((node) => node.walked).length, nodes };
    const extra = { ...(memoryError !== undefined && { memoryError }), cluster: walkedMasters };
    if (params.match === undefined) return { ...accumulator.result({ db: 0, mode: params.mode, scanned, dbSize }), ...extra };
    // As for one instance (./run.ts): with MATCH the figures are those of the keys seen.
    const result = accumulator.result({ db: 0, mode: params.mode, scanned, dbSize: scanned });
    return { ...result, dbSize, fractionSeen: dbSize > 0 ? Math.min(1, scanned / dbSize) : 1, ...extra };
  };
}
