// One setting's row of a drift table (the fleet's, a cluster's nodes'): its name, the guide's
// recommendation, then each column's value as the instance or node reported it.
import type { ReactNode } from 'react';
import type { DriftSetting } from '@/lib/config-audit/types';

interface DriftRowProps {
  setting: DriftSetting;
  /** The instance ids of the columns, in order. */
  columns: string[];
  'data-testid': string;
  /** A value the table shows its own way (the fleet's "differs between its nodes"); null: as it is. */
  special?: (value: string, column: string) => ReactNode | null;
}

export function DriftRow({ setting, columns, special, ...rest }: DriftRowProps) {
  return (
    <tr data-testid={rest['data-testid']} data-setting={setting.name} className="align-top">
      <th scope="row" className="px-3 py-2 font-mono text-xs font-medium break-all text-slate-900">{setting.name}</th>
      <td className="px-3 py-2 text-xs">{setting.recommended ?? <span className="text-slate-500">—</span>}</td>
      {columns.map((column) => {
        const value = setting.values.find((each) => each.instance === column)?.value ?? null;
        return (
          <td key={column} className="px-3 py-2 font-mono text-xs break-all">
            {value === null ? (
              <span className="text-slate-500">not reported</span>
            ) : value === '' ? (
              <span className="text-slate-500">(empty)</span>
            ) : (
              (special?.(value, column) ?? value)
            )}
          </td>
        );
      })}
    </tr>
  );
}
