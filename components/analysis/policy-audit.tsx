// The TTL policy audit of SPEC section 4: per pattern, the keys it matched and how many break the
// policy, with examples that open in the key browser; then the keys no pattern matches.
import type { AnalysisResult } from '@/lib/analysis/types';
import { formatBytes, formatNumber } from '@/lib/format';
import { Badge } from '@/components/ui/badge';
import { KeyLink } from './browser-link';
import { violationText } from './model/result-view';
import { DataTable, TD, TD_NAME, TD_NUM, TH, TH_NUM } from './table';

export function PolicyAudit({ id, result }: { id: string; result: AnalysisResult }) {
  const violations = result.ttlPolicy.reduce((sum, rule) => sum + rule.violations, 0);
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-800" data-testid="analysis-policy-summary">
        {violations === 0 ? 'No key breaks the TTL policy.' : `${formatNumber(violations, 0)} keys break the TTL policy.`}{' '}
        {formatNumber(result.unclassified.keys, 0)} keys ({formatBytes(result.unclassified.memoryBytes)}) match no pattern of it.
      </p>
      <DataTable
        caption="TTL policy audit per pattern"
        data-testid="analysis-policy"
        head={
          <>
            <th scope="col" className={TH}>Pattern</th>
            <th scope="col" className={TH}>Policy</th>
            <th scope="col" className={TH_NUM}>Keys</th>
            <th scope="col" className={TH_NUM}>Memory</th>
            <th scope="col" className={TH_NUM}>Violations</th>
            <th scope="col" className={TH}>Examples</th>
          </>
        }
      >
        {result.ttlPolicy.map((rule) => (
          <tr key={rule.pattern}>
            <td className={TD_NAME}>
              {rule.pattern}
              <span className="block font-sans text-xs text-slate-500">{rule.meaning}</span>
            </td>
            <td className={TD}>{rule.policy}</td>
            <td className={TD_NUM}>{formatNumber(rule.keys, 0)}</td>
            <td className={TD_NUM}>{formatBytes(rule.memoryBytes)}</td>
            <td className={TD_NUM}>
              {rule.violations === 0 ? (
                <Badge tone={rule.keys === 0 ? 'neutral' : 'ok'}>0</Badge>
              ) : (
                <Badge tone="bad">{formatNumber(rule.violations, 0)}</Badge>
              )}
            </td>
            <td className={TD}>
              {rule.examples.length === 0 ? null : (
                <ul className="space-y-0.5">
                  {rule.examples.map((example) => (
                    <li key={example.keyB64} className="text-xs">
                      <KeyLink id={id} db={result.db} target={example} />{' '}
                      <span className="text-slate-600">{violationText(example)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
