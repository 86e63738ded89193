// A run's result, in the order of the admin's questions: how much and what kind (totals, types),
// which namespaces use the memory, what has no TTL, what is big, what breaks the policy, what is
// stored wastefully; the comparison with an earlier run when one is picked.
import type { ReactNode } from 'react';
import type { AnalysisResult, NamespaceComparison } from '@/lib/analysis/types';
import type { JobStatus } from '@/lib/jobs/types';
import { formatBytes, formatNumber, formatPercent, plural } from '@/lib/format';
import { Stat, StatList } from '@/components/ui/stat';
import { ClusterMasters } from './cluster-masters';
import { EncodingFindings } from './encoding-findings';
import { coverageText, typeRows, withoutTtlSummary } from './model/result-view';
import { NamespaceMemory } from './namespace-memory';
import { PolicyAudit } from './policy-audit';
import { RunComparison } from './run-comparison';
import { DataTable, TD, TD_NUM, TH, TH_NUM } from './table';
import { TopKeys } from './top-keys';
import { TtlSection } from './ttl-section';

interface AnalysisResultViewProps {
  id: string;
  result: AnalysisResult;
  status: JobStatus;
  comparison?: NamespaceComparison;
}

export function AnalysisResultView({ id, result, status, comparison }: AnalysisResultViewProps) {
  const coverage = coverageText(result, status);
  const none = withoutTtlSummary(result);
  const violations = result.ttlPolicy.reduce((sum, rule) => sum + rule.violations, 0);
  const estimate = result.estimated ? ' (estimate)' : '';
  return (
    <div className="space-y-6" data-testid="analysis-result">
      {coverage ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="analysis-coverage">
          {coverage}
        </p>
      ) : null}
      {result.cluster ? <ClusterMasters cluster={result.cluster} /> : null}
      {result.memoryError ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="analysis-memory-error">
          Memory figures are missing: {result.memoryError} (the ACL user needs <code>memory|usage</code>).
        </p>
      ) : null}
      <Section title="Totals">
        <StatList columns={3} className="sm:grid-cols-5">
          <Stat label={`Keys${estimate}`} value={formatNumber(result.totals.keys, 0)} testId="analysis-total-keys" />
          <Stat label={`Memory${estimate}`} value={formatBytes(result.totals.memoryBytes)} hint="sum of MEMORY USAGE" testId="analysis-total-memory" />
          <Stat label="Keys visited" value={`${formatNumber(result.scanned, 0)} of ${formatNumber(result.dbSize, 0)}`} hint={result.cluster ? `db0 of ${plural(result.cluster.masters, 'master', 'masters')}, DBSIZE summed at the start` : `db${result.db}, DBSIZE at the start`} />
          <Stat label="Without TTL" value={`${formatNumber(none.keys, 0)} keys`} hint={`${formatPercent(none.share)} · ${formatBytes(none.memoryBytes)}`} />
          <Stat label="Breaking the TTL policy" value={`${formatNumber(violations, 0)} keys`} />
        </StatList>
        <div className="mt-4">
          <DataTable
            caption="Keys and memory by type"
            data-testid="analysis-by-type"
            head={
              <>
                <th scope="col" className={TH}>Type</th>
                <th scope="col" className={TH_NUM}>Keys</th>
                <th scope="col" className={TH_NUM}>Memory</th>
                <th scope="col" className={TH_NUM}>Elements</th>
              </>
            }
          >
            {typeRows(result).map((row) => (
              <tr key={row.type}>
                <td className={TD}>{row.type}</td>
                <td className={TD_NUM}>{formatNumber(row.keys, 0)}</td>
                <td className={TD_NUM}>{formatBytes(row.memoryBytes)}</td>
                <td className={TD_NUM}>{row.type === 'string' ? `${formatBytes(row.elements)} of values` : formatNumber(row.elements, 0)}</td>
              </tr>
            ))}
          </DataTable>
        </div>
      </Section>
      {comparison ? (
        <Section title="Compared with an earlier analysis">
          <RunComparison id={id} db={result.db} comparison={comparison} />
        </Section>
      ) : null}
      <Section title="Which namespaces use the memory">
        <NamespaceMemory id={id} result={result} />
      </Section>
      <Section title="What has no TTL">
        <TtlSection id={id} result={result} />
      </Section>
      <Section title="What is big">
        <TopKeys id={id} result={result} />
      </Section>
      <Section title="TTL policy audit">
        <PolicyAudit id={id} result={result} />
      </Section>
      <Section title="Big keys in a non-compact encoding">
        <EncodingFindings id={id} result={result} />
      </Section>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="space-y-3">
      <h2 className="text-lg font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}
