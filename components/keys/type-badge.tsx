// A Redis type as a small badge; the word carries the meaning, the colour only helps.
const COLOURS: Record<string, string> = {
  string: 'border-sky-300 bg-sky-50 text-sky-800',
  hash: 'border-violet-300 bg-violet-50 text-violet-800',
  list: 'border-emerald-300 bg-emerald-50 text-emerald-800',
  set: 'border-amber-300 bg-amber-50 text-amber-900',
  zset: 'border-rose-300 bg-rose-50 text-rose-800',
  stream: 'border-teal-300 bg-teal-50 text-teal-800',
};

export function TypeBadge({ type }: { type: string }) {
  return (
    <span
      className={`inline-flex w-14 shrink-0 justify-center rounded border px-1 text-xs font-medium ${COLOURS[type] ?? 'border-slate-300 bg-slate-50 text-slate-700'}`}
    >
      {type}
    </span>
  );
}
