// A column header that sorts its table: a button inside the <th>, aria-sort on the active one.
interface SortHeaderProps {
  label: string;
  active: boolean;
  direction: 'ascending' | 'descending';
  numeric?: boolean;
  onSort: () => void;
}

export function SortHeader({ label, active, direction, numeric = false, onSort }: SortHeaderProps) {
  return (
    <th scope="col" aria-sort={active ? direction : undefined} className={`px-3 py-2 text-xs font-medium text-slate-500 ${numeric ? 'text-right' : 'text-left'}`}>
      <button
        type="button"
        onClick={onSort}
        className={`inline-flex items-center gap-1 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700 ${active ? 'font-semibold text-slate-900' : ''}`}
      >
        {label}
        <span aria-hidden="true">{active ? (direction === 'ascending' ? '▲' : '▼') : '↕'}</span>
      </button>
    </th>
  );
}
