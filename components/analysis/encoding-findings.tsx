// Big keys in a non-compact encoding where the section 3 thresholds would keep them compact: the
// key, its encoding, length and memory, and the setting it is past.
import type { AnalysisResult } from '@/lib/analysis/types';
import { formatBytes, formatNumber } from '@/lib/format';
import { KeyLink } from './browser-link';
import { DataTable, TD, TD_NAME, TD_NUM, TH, TH_NUM } from './table';

export function EncodingFindings({ id, result }: { id: string; result: AnalysisResult }) {
  if (result.encodingFindings.length === 0) {
    return <p className="text-sm text-slate-600">No big key is in a non-compact encoding.</p>;
  }
  const total = result.encodingFindingsTotal ?? result.encodingFindings.length;
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-800">
        {total > result.encodingFindings.length
          ? `${formatNumber(total, 0)} keys in all; the ${formatNumber(result.encodingFindings.length, 0)} biggest are listed.`
          : `${formatNumber(total, 0)} ${total === 1 ? 'key' : 'keys'}.`}{' '}
        A key longer than the setting is stored in the big encoding; so is one with a field or member longer than the value
        setting, legitimately (the analysis does not read values to tell).
      </p>
      <DataTable
        caption="Big keys in a non-compact encoding"
        data-testid="analysis-encodings"
        head={
          <>
            <th scope="col" className={TH}>Key</th>
            <th scope="col" className={TH}>Type</th>
            <th scope="col" className={TH}>Encoding</th>
            <th scope="col" className={TH_NUM}>Length</th>
            <th scope="col" className={TH_NUM}>Memory</th>
            <th scope="col" className={TH}>Past the setting</th>
          </>
        }
      >
        {result.encodingFindings.map((finding) => (
          <tr key={finding.keyB64}>
            <td className={TD_NAME}>
              <KeyLink id={id} db={result.db} target={finding} />
            </td>
            <td className={TD}>{finding.type}</td>
            <td className={`${TD} font-mono`}>{finding.encoding}</td>
            <td className={TD_NUM}>{formatNumber(finding.length, 0)}</td>
            <td className={TD_NUM}>{formatBytes(finding.memoryBytes)}</td>
            <td className={TD}>
              <code className="font-mono">{finding.setting}</code> {formatNumber(finding.threshold, 0)}
              {finding.valueSetting ? (
                <span className="block text-xs text-slate-500">
                  or a value over <code className="font-mono">{finding.valueSetting}</code> {formatNumber(finding.valueThreshold, 0)}
                </span>
              ) : null}
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
