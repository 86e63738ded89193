'use client';
// A key's value, per type, from the pages read so far: every element is text (never HTML), cut
// elements say so, and "Load more" reads the next page. One small view per type.
import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { escapeGlob } from '@/lib/keys/glob';
import { displayText } from '@/lib/display-bytes';
import { base64ToBytes, hexDump, prettyJson } from '@/lib/keys/display-value';
import type { KeyDetail, KeyValue, ShownBytes } from '@/lib/keys/types';
import { formatBytes, formatNumber } from '@/lib/format';
import type { ValueOptions } from '@/lib/queries/filters';
import { Button } from '@/components/ui/button';
import { Select, TextInput } from '@/components/ui/field';
import { addressable, type OnRowAction, type RowAction } from './model/row-action';

interface ValueViewProps {
  pages: KeyDetail[];
  options: ValueOptions;
  onOptions: (options: ValueOptions) => void;
  hasMore: boolean;
  loadingMore: boolean;
  onMore: () => void;
  error: Error | null;
  /** An admin's row buttons (edit, remove), when the key may be changed here. */
  onRowAction?: OnRowAction;
}

type Of<K extends KeyValue['kind']> = Extract<KeyValue, { kind: K }>;
const valuesOf = <K extends KeyValue['kind']>(pages: KeyDetail[], kind: K) =>
  pages.map((page) => page.value).filter((value): value is Of<K> => value.kind === kind);

function Shown({ value }: { value: ShownBytes }) {
  return (
    <>
      <span className="whitespace-pre-wrap break-all">{value.text}</span>
      {value.cut ? <span className="ml-1 text-xs text-slate-500">… (first {formatBytes(value.text.length)} of {formatBytes(value.bytes)})</span> : null}
    </>
  );
}

function MoreButton({ hasMore, loadingMore, onMore, label }: Pick<ValueViewProps, 'hasMore' | 'loadingMore' | 'onMore'> & { label: string }) {
  if (!hasMore) return null;
  return <Button onClick={onMore} disabled={loadingMore}>{loadingMore ? 'Loading…' : label}</Button>;
}

/** One small button of a row; disabled with the reason when the element is cut (its bytes unknown). */
function RowButton({ label, name, action, onRowAction, usable = true }: { label: string; name: string; action: RowAction; onRowAction: OnRowAction; usable?: boolean }) {
  return (
    <Button
      className="px-2 py-0.5 text-xs"
      aria-label={`${label} ${name}`}
      title={usable ? undefined : 'Longer than shown: Redlens does not have its exact bytes to address it'}
      disabled={!usable}
      onClick={(event) => onRowAction(action, event.currentTarget)}
    >
      {label}
    </Button>
  );
}

/** The actions cell of a row, when there are actions. */
function Actions({ onRowAction, children }: { onRowAction?: OnRowAction; children: (on: OnRowAction) => ReactNode }) {
  if (!onRowAction) return null;
  return <td className="whitespace-nowrap px-2 py-1 font-sans"><div className="flex gap-1">{children(onRowAction)}</div></td>;
}

const withActions = (head: string[], onRowAction: OnRowAction | undefined) => (onRowAction ? [...head, 'Actions'] : head);

function Table({ head, children, testId }: { head: string[]; children: ReactNode; testId: string }) {
  return (
    <div className="max-h-[28rem] overflow-auto rounded-md border border-slate-200">
      <table className="w-full text-left font-mono text-xs" data-testid={testId}>
        <thead className="sticky top-0 bg-slate-100 font-sans text-slate-600">
          <tr>{head.map((cell) => <th key={cell} scope="col" className="px-2 py-1 font-medium">{cell}</th>)}</tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">{children}</tbody>
      </table>
    </div>
  );
}

/** A filter box for HSCAN / SSCAN MATCH: literal "contains" text, escaped for the glob. */
function MemberFilter({ label, options, onOptions }: { label: string } & Pick<ValueViewProps, 'options' | 'onOptions'>) {
  const uid = useId();
  const current = options.match?.replace(/^\*|\*$/g, '').replace(/\\(.)/g, '$1') ?? '';
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get('filter') ?? '');
    onOptions({ ...options, match: text ? `*${escapeGlob(text)}*` : undefined });
  };
  return (
    <form onSubmit={submit} className="flex items-end gap-2" role="search" aria-label={label}>
      <div className="flex-1">
        <label htmlFor={`${uid}-f`} className="block text-xs font-medium text-slate-700">{label}</label>
        <TextInput id={`${uid}-f`} name="filter" defaultValue={current} maxLength={200} className="font-mono" />
      </div>
      <Button type="submit">Filter</Button>
    </form>
  );
}

function StringView(props: ValueViewProps) {
  const [mode, setMode] = useState<'text' | 'json' | 'hex'>('text');
  const slices = valuesOf(props.pages, 'string');
  const total = props.pages[0]!.length;
  const bytes = useMemo(() => {
    const parts = slices.map((slice) => base64ToBytes(slice.b64));
    const all = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
    let at = 0;
    for (const part of parts) {
      all.set(part, at);
      at += part.length;
    }
    return all;
  }, [slices]);
  const json = useMemo(() => (mode === 'json' ? prettyJson(bytes) : null), [bytes, mode]);
  const shown = mode === 'hex' ? hexDump(bytes).join('\n') : mode === 'json' ? json : displayText(bytes).text;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        {(['text', 'json', 'hex'] as const).map((view) => (
          <Button key={view} aria-pressed={mode === view} onClick={() => setMode(view)} className="aria-pressed:border-red-700 aria-pressed:bg-red-50">
            {view === 'text' ? 'Text' : view === 'json' ? 'JSON' : 'Hex'}
          </Button>
        ))}
        <span className="text-xs text-slate-600">
          Showing {formatBytes(bytes.length)} of {formatBytes(total)}
          {props.hasMore ? ' (truncated)' : ''}
        </span>
      </div>
      {mode === 'json' && json === null ? (
        <p className="text-sm text-slate-600">
          Not one valid JSON document{props.hasMore ? ' (or not all of it is loaded: load the rest first)' : ''}.
        </p>
      ) : (
        <pre className="max-h-[28rem] overflow-auto whitespace-pre-wrap break-all rounded-md border border-slate-200 bg-slate-50 p-2 font-mono text-xs text-slate-900" data-testid="string-value">
          {shown}
        </pre>
      )}
      <MoreButton {...props} label="Load the next 64 KiB" />
    </div>
  );
}

function HashView(props: ValueViewProps) {
  const entries = valuesOf(props.pages, 'hash').flatMap((page) => page.entries);
  return (
    <div className="space-y-2">
      <MemberFilter label="Field contains" options={props.options} onOptions={props.onOptions} />
      <Table head={withActions(['Field', 'Value'], props.onRowAction)} testId="hash-value">
        {entries.map((entry, i) => (
          <tr key={i}>
            <td className="px-2 py-1"><Shown value={entry.field} /></td>
            <td className="px-2 py-1"><Shown value={entry.value} /></td>
            <Actions onRowAction={props.onRowAction}>
              {(on) => (
                <>
                  <RowButton label="Edit" name={`field ${entry.field.text}`} action={{ kind: 'hash-edit', field: entry.field, value: entry.value }} onRowAction={on} usable={addressable(entry.field)} />
                  <RowButton label="Delete" name={`field ${entry.field.text}`} action={{ kind: 'hash-delete', field: entry.field }} onRowAction={on} usable={addressable(entry.field)} />
                </>
              )}
            </Actions>
          </tr>
        ))}
      </Table>
      <p className="text-xs text-slate-600">{formatNumber(entries.length)} fields read (HSCAN may repeat one across pages).</p>
      <MoreButton {...props} label="Load more fields" />
    </div>
  );
}

function ListView(props: ValueViewProps) {
  const items = valuesOf(props.pages, 'list').flatMap((page) => page.items);
  return (
    <div className="space-y-2">
      <Table head={withActions(['Index', 'Value'], props.onRowAction)} testId="list-value">
        {items.map((item) => (
          <tr key={item.index}>
            <td className="px-2 py-1 tabular-nums">{item.index}</td>
            <td className="px-2 py-1"><Shown value={item.value} /></td>
            <Actions onRowAction={props.onRowAction}>
              {(on) => (
                <>
                  <RowButton label="Set" name={`index ${item.index}`} action={{ kind: 'list-set', index: item.index, value: item.value }} onRowAction={on} />
                  <RowButton label="Remove all equal" name={`to index ${item.index}`} action={{ kind: 'list-remove', value: item.value }} onRowAction={on} usable={addressable(item.value)} />
                </>
              )}
            </Actions>
          </tr>
        ))}
      </Table>
      <MoreButton {...props} label="Load more items" />
    </div>
  );
}

function SetView(props: ValueViewProps) {
  const members = valuesOf(props.pages, 'set').flatMap((page) => page.members);
  return (
    <div className="space-y-2">
      <MemberFilter label="Member contains" options={props.options} onOptions={props.onOptions} />
      <Table head={withActions(['Member'], props.onRowAction)} testId="set-value">
        {members.map((member, i) => (
          <tr key={i}>
            <td className="px-2 py-1"><Shown value={member} /></td>
            <Actions onRowAction={props.onRowAction}>
              {(on) => <RowButton label="Remove" name={`member ${member.text}`} action={{ kind: 'set-remove', member }} onRowAction={on} usable={addressable(member)} />}
            </Actions>
          </tr>
        ))}
      </Table>
      <MoreButton {...props} label="Load more members" />
    </div>
  );
}

function ZsetView(props: ValueViewProps) {
  const uid = useId();
  const members = valuesOf(props.pages, 'zset').flatMap((page) => page.members);
  const by = props.options.by ?? 'rank';
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const min = String(form.get('min') ?? '').trim();
    const max = String(form.get('max') ?? '').trim();
    props.onOptions({ by: 'score', min: min || '-inf', max: max || '+inf' });
  };
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end gap-2">
        <Button aria-pressed={by === 'rank'} onClick={() => props.onOptions({ by: 'rank' })} className="aria-pressed:border-red-700 aria-pressed:bg-red-50">By rank</Button>
        <form onSubmit={submit} className="flex flex-wrap items-end gap-2" aria-label="Members by score">
          <div>
            <label htmlFor={`${uid}-min`} className="block text-xs font-medium text-slate-700">Min score</label>
            <TextInput id={`${uid}-min`} name="min" defaultValue={props.options.min ?? '-inf'} className="w-24 font-mono" />
          </div>
          <div>
            <label htmlFor={`${uid}-max`} className="block text-xs font-medium text-slate-700">Max score</label>
            <TextInput id={`${uid}-max`} name="max" defaultValue={props.options.max ?? '+inf'} className="w-24 font-mono" />
          </div>
          <Button type="submit" aria-pressed={by === 'score'} className="aria-pressed:border-red-700 aria-pressed:bg-red-50">By score</Button>
        </form>
      </div>
      <Table head={withActions(by === 'rank' ? ['Rank', 'Member', 'Score'] : ['Member', 'Score'], props.onRowAction)} testId="zset-value">
        {members.map((member, i) => (
          <tr key={i}>
            {by === 'rank' ? <td className="px-2 py-1 tabular-nums">{member.rank}</td> : null}
            <td className="px-2 py-1"><Shown value={member.member} /></td>
            <td className="px-2 py-1 tabular-nums">{member.score}</td>
            <Actions onRowAction={props.onRowAction}>
              {(on) => (
                <>
                  <RowButton label="Score" name={`of member ${member.member.text}`} action={{ kind: 'zset-score', member: member.member, score: member.score }} onRowAction={on} usable={addressable(member.member)} />
                  <RowButton label="Remove" name={`member ${member.member.text}`} action={{ kind: 'zset-remove', member: member.member }} onRowAction={on} usable={addressable(member.member)} />
                </>
              )}
            </Actions>
          </tr>
        ))}
      </Table>
      <MoreButton {...props} label="Load more members" />
    </div>
  );
}

function StreamView(props: ValueViewProps) {
  const values = valuesOf(props.pages, 'stream');
  const entries = values.flatMap((page) => page.entries);
  const first = values[0];
  const order = props.options.order ?? 'asc';
  return (
    <div className="space-y-2">
      <div className="flex items-center gap-2">
        <Select aria-label="Order" value={order} onChange={(event) => props.onOptions({ order: event.target.value as 'asc' | 'desc' })} className="w-44">
          <option value="asc">Oldest first (XRANGE)</option>
          <option value="desc">Newest first (XREVRANGE)</option>
        </Select>
      </div>
      <Table head={withActions(['Entry id', 'Fields'], props.onRowAction)} testId="stream-value">
        {entries.map((entry) => (
          <tr key={entry.id}>
            <td className="whitespace-nowrap px-2 py-1">{entry.id}</td>
            <td className="px-2 py-1">
              {entry.fields.map(([field, value], i) => (
                <div key={i}><span className="text-slate-500"><Shown value={field} /></span> = <Shown value={value} /></div>
              ))}
            </td>
            <Actions onRowAction={props.onRowAction}>
              {(on) => <RowButton label="Delete" name={`entry ${entry.id}`} action={{ kind: 'stream-delete', id: entry.id }} onRowAction={on} />}
            </Actions>
          </tr>
        ))}
      </Table>
      <MoreButton {...props} label="Load more entries" />
      <h3 className="pt-2 text-sm font-semibold text-slate-800">Consumer groups</h3>
      {first?.groupsError ? <p className="text-xs text-amber-800">{first.groupsError}</p> : null}
      {first?.groups && first.groups.length === 0 ? <p className="text-sm text-slate-600">No consumer groups.</p> : null}
      {first?.groups && first.groups.length > 0 ? (
        <Table head={['Group', 'Consumers', 'Pending', 'Last delivered', 'Lag']} testId="stream-groups">
          {first.groups.map((group) => (
            <tr key={group.name}>
              <td className="px-2 py-1">{group.name}</td>
              <td className="px-2 py-1 tabular-nums">{formatNumber(group.consumers)}</td>
              <td className="px-2 py-1 tabular-nums">{formatNumber(group.pending)}</td>
              <td className="px-2 py-1">{group.lastDeliveredId}</td>
              <td className="px-2 py-1 tabular-nums">{group.lag === undefined || group.lag === null ? '—' : formatNumber(group.lag)}</td>
            </tr>
          ))}
        </Table>
      ) : null}
    </div>
  );
}

const VIEWS: Record<string, (props: ValueViewProps) => ReactNode> = {
  string: StringView, hash: HashView, list: ListView, set: SetView, zset: ZsetView, stream: StreamView,
};

/** A page whose elements were too big to read: what Redlens knows, and why it stopped. */
function TooLargeNotice({ value, type }: { value: Of<'too-large'>; type: string }) {
  const size = value.elementBytes === null ? 'bigger than' : `about ${formatBytes(value.elementBytes)} each, more than`;
  return (
    <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" role="note" data-testid="value-too-large">
      The elements of this {type} from here on are too big to show: {size} the {formatBytes(value.capBytes)} Redlens
      reads from Redis at once, so nothing of them was read. Redis has no command that reads part of one element
      {type === 'string' ? '' : ' of a collection'}; strings are shown in 64 KiB slices.
    </p>
  );
}

export function ValueView(props: ValueViewProps) {
  const first = props.pages[0]!;
  const tooLarge = props.pages.map((page) => page.value).find((value): value is Of<'too-large'> => value.kind === 'too-large');
  const View = VIEWS[first.value.kind];
  return (
    <section aria-label="Value" className="space-y-2">
      {View ? <View {...props} /> : null}
      {tooLarge ? <TooLargeNotice value={tooLarge} type={first.type} /> : null}
      {!View && !tooLarge ? <p className="text-sm text-slate-600">Redlens cannot show values of type “{first.type}” (a module type).</p> : null}
      {props.error ? <p className="text-sm text-red-700" role="alert">The next page could not be read: {props.error.message}</p> : null}
    </section>
  );
}
