// Errors Redis answered in the window, by type (INFO errorstats), most first.
import type { ErrorRate } from '@/lib/commands/types';
import { formatNumber } from '@/lib/format';

export function ErrorsTable({ errors }: { errors: ErrorRate[] }) {
  if (errors.length === 0) return <p className="text-sm text-slate-600" data-testid="errors-none">No errors in the window.</p>;
  return (
    <table className="w-full text-left text-sm" data-testid="errors-table">
      <thead className="border-b border-slate-200 text-xs font-medium text-slate-500">
        <tr>
          <th scope="col" className="px-2 py-2 font-medium">Error</th>
          <th scope="col" className="px-2 py-2 text-right font-medium">Per second</th>
          <th scope="col" className="px-2 py-2 text-right font-medium">In the window</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {errors.map((error) => (
          <tr key={error.type} data-testid="errors-row">
            <td className="px-2 py-2 font-mono">{error.type}</td>
            <td className="px-2 py-2 text-right tabular-nums">{formatNumber(error.perSec, 2)}</td>
            <td className="px-2 py-2 text-right tabular-nums">{formatNumber(error.count, 0)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
