'use client';
// The listing's filters: db (from the server's `databases`), search text and mode, type, and the
// list/tree view with its delimiter. A search is applied on submit, not per keystroke: every
// change starts a new SCAN.
import { useId, type FormEvent } from 'react';
import { MAX_MATCH_BYTES, REDIS_TYPES } from '@/lib/keys/constants';
import { formatNumber } from '@/lib/format';
import { SEARCH_MODES, type SearchMode } from '@/lib/queries/filters';
import { useDatabases, type KeyBrowserState } from '@/lib/queries/keys-browser';
import { Button } from '@/components/ui/button';
import { Field, Select, TextInput } from '@/components/ui/field';

/** Above this many dbs, only the ones holding keys (and the current one) are offered. */
const MAX_DB_OPTIONS = 64;

const MODE_LABELS: Record<SearchMode, string> = {
  contains: 'Name contains (literal)',
  exact: 'Exact name',
  glob: 'Glob pattern (* ? [ ])',
};

interface KeyFiltersProps {
  id: string;
  state: KeyBrowserState;
  /** The db listed: the URL's, or the instance's default. */
  db: number;
  onChange: (patch: Partial<KeyBrowserState>) => void;
}

export function KeyFilters({ id, state, db: current, onChange }: KeyFiltersProps) {
  const uid = useId();
  const databases = useDatabases(id);
  const counts = new Map(databases.data?.keyspace.map((entry) => [entry.db, entry.keys]));
  const total = databases.data?.databases ?? 16;
  // A Redis Cluster has db 0 only: the selector stays, fixed to it.
  const cluster = databases.data?.cluster;
  const dbs = cluster ? [0] : total <= MAX_DB_OPTIONS
    ? Array.from({ length: total }, (_, db) => db)
    : [...new Set([0, current, ...counts.keys()])].sort((a, b) => a - b);

  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    onChange({ q: String(form.get('q') ?? ''), mode: String(form.get('mode')) as SearchMode, cursor: '0', key: null });
  };

  return (
    <div className="space-y-3" data-testid="key-filters">
      <form onSubmit={onSearch} className="grid gap-3 sm:grid-cols-[11rem_minmax(0,1fr)_13rem_auto] sm:items-end" role="search" aria-label="Search keys">
        <Field label="Database" htmlFor={`${uid}-db`}>
          <Select
            id={`${uid}-db`}
            value={cluster ? 0 : current}
            disabled={cluster !== undefined}
            {...(cluster && { title: `A Redis Cluster has db 0 only (keys on ${cluster.masters} masters)` })}
            onChange={(event) => onChange({ db: Number(event.target.value), cursor: '0', key: null })}
          >
            {dbs.map((db) => (
              <option key={db} value={db}>
                db{db}{counts.has(db) ? ` (${formatNumber(counts.get(db))} keys)` : ''}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Key name" htmlFor={`${uid}-q`}>
          <TextInput
            id={`${uid}-q`}
            name="q"
            key={state.q}
            defaultValue={state.q}
            maxLength={MAX_MATCH_BYTES}
            placeholder="user:42"
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
          />
        </Field>
        <Field label="Match" htmlFor={`${uid}-mode`}>
          <Select id={`${uid}-mode`} name="mode" key={state.mode} defaultValue={state.mode}>
            {SEARCH_MODES.map((mode) => (
              <option key={mode} value={mode}>{MODE_LABELS[mode]}</option>
            ))}
          </Select>
        </Field>
        <Button type="submit" variant="primary">Search</Button>
      </form>
      <div className="flex flex-wrap items-end gap-3">
        <Field label="Type" htmlFor={`${uid}-type`}>
          <Select
            id={`${uid}-type`}
            value={state.type}
            onChange={(event) => onChange({ type: event.target.value, cursor: '0', key: null })}
          >
            <option value="">Any type</option>
            {REDIS_TYPES.map((type) => (
              <option key={type} value={type}>{type}</option>
            ))}
          </Select>
        </Field>
        <fieldset className="flex items-center gap-1">
          <legend className="sr-only">View</legend>
          {(['list', 'tree'] as const).map((view) => (
            <Button key={view} aria-pressed={state.view === view} onClick={() => onChange({ view })}
              className="aria-pressed:border-red-700 aria-pressed:bg-red-50">
              {view === 'list' ? 'List' : 'Tree'}
            </Button>
          ))}
        </fieldset>
        {state.view === 'tree' ? (
          <div className="w-24">
            <Field label="Delimiter" htmlFor={`${uid}-delim`}>
              <TextInput
                id={`${uid}-delim`}
                value={state.delimiter}
                maxLength={8}
                onChange={(event) => onChange({ delimiter: event.target.value })}
                className="font-mono"
              />
            </Field>
          </div>
        ) : null}
      </div>
      {cluster ? (
        <p className="text-xs text-slate-600" data-testid="cluster-note">
          Redis Cluster: db 0 only, keys listed from its {cluster.masters} masters one after the other; each row names the node it lives on.
        </p>
      ) : null}
      {databases.data?.configError ? <p className="text-xs text-amber-800">{databases.data.configError}</p> : null}
      {databases.data?.infoError ? <p className="text-xs text-amber-800">{databases.data.infoError}</p> : null}
    </div>
  );
}
