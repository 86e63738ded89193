// A gap in the archive: entries that rotated out of Redis (or were reset by someone else) before
// the sampler read them. Said where it happened, with how many and when it was noticed.
import type { SlowlogGap } from '@/lib/slowlog/types';
import { formatDateTime } from '@/lib/format';
import { gapSummary } from './model/gaps';

function GapText({ gap }: { gap: SlowlogGap }) {
  const iso = new Date(gap.recordedAt).toISOString();
  return (
    <>
      <span aria-hidden="true">⚠ </span>
      <span className="font-medium">{gapSummary(gap)}</span>
      {gap.node ? <> on node <span className="font-mono">{gap.node.address}</span></> : null} before{' '}
      <time dateTime={iso} title={iso} className="tabular-nums">
        {formatDateTime(gap.recordedAt)}
      </time>
      <span className="text-amber-800">
        {' '}
        (after entry #{gap.afterId} of run {gap.runId.slice(0, 8)}: the slow log rotated or was reset faster than the
        sampler read it)
      </span>
    </>
  );
}

const GAP_STYLE = 'bg-amber-50 text-sm text-amber-950';

/** A gap as a table row, between the entries it separates. */
export function GapRow({ gap, columns }: { gap: SlowlogGap; columns: number }) {
  return (
    <tr data-testid="slowlog-gap" className={GAP_STYLE}>
      <td colSpan={columns} className="px-3 py-2">
        <GapText gap={gap} />
      </td>
    </tr>
  );
}

/** A gap as a list item, where rows are not in time order. */
export function GapNotice({ gap }: { gap: SlowlogGap }) {
  return (
    <li data-testid="slowlog-gap" className={`rounded-md border border-amber-300 px-3 py-2 ${GAP_STYLE}`}>
      <GapText gap={gap} />
    </li>
  );
}
