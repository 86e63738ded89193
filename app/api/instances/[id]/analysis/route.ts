import 'server-only';
import { NextResponse } from 'next/server';
import { listAnalysisRuns, startAnalysis } from '@/lib/analysis/runs';
import { analysisStartSchema } from '@/lib/analysis/types';
import { instanceRoute } from '@/lib/http/route';
import { server } from '@/lib/server/root';

export const dynamic = 'force-dynamic';

export const GET = instanceRoute({ role: 'viewer', wholeCluster: true }, ({ instance }) => listAnalysisRuns(server().jobs, instance.id));

export const POST = instanceRoute(
  { role: 'viewer', body: analysisStartSchema, audit: 'analysis.start', wholeCluster: true },
  async ({ instance, body, principal, auditTarget }) => {
    auditTarget(`db${body.db} ${body.mode}${body.match !== undefined ? ` match ${body.match}` : ''}`);
    const started = await startAnalysis(server().jobs, instance, body, principal?.username ?? null, server().config.ttlPolicy);
    return NextResponse.json(started, { status: 202 });
  },
);
