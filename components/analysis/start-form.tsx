'use client';
// Start an analysis: the db (with its key count), full or a sample of N keys, and an optional
// glob. Any signed-in viewer may start one (SPEC section 5); one runs per instance at a time, so
// a start refused with 409 offers to open the one that runs.
import { useId, useState, type FormEvent } from 'react';
import { DEFAULT_SAMPLE_KEYS } from '@/lib/analysis/types';
import { MAX_MATCH_BYTES } from '@/lib/keys/constants';
import { endSentence, formatNumber } from '@/lib/format';
import { errorCodeOf } from '@/lib/queries/fetch-json';
import { useDatabases } from '@/lib/queries/keys-browser';
import { runningRunIdOf, useStartAnalysis } from '@/lib/queries/analysis';
import { Button } from '@/components/ui/button';
import { Field, Select, TextInput } from '@/components/ui/field';
import { sampleBounds, startRequest } from './model/start-form';
import { useToast } from '@/components/ui/toast';

/** Above this many dbs, only the ones holding keys (and the default) are offered. */
const MAX_DB_OPTIONS = 64;

interface StartFormProps {
  id: string;
  /** The run now running on this instance, if the list knows one. */
  runningId: string | null;
  onStarted: (runId: string) => void;
  onOpen: (runId: string) => void;
}

export function StartForm({ id, runningId, onStarted, onOpen }: StartFormProps) {
  const uid = useId();
  const databases = useDatabases(id);
  const start = useStartAnalysis(id);
  const { toast } = useToast();
  const [mode, setMode] = useState<'full' | 'sample'>('full');
  // null until picked: the instance's default db (its URL's /db) arrives with the databases reply.
  const [pickedDb, setPickedDb] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const bounds = sampleBounds();

  const counts = new Map(databases.data?.keyspace.map((entry) => [entry.db, entry.keys]));
  const total = databases.data?.databases ?? 16;
  const defaultDb = databases.data?.defaultDb ?? 0;
  const db = pickedDb ?? defaultDb;
  const dbs = total <= MAX_DB_OPTIONS
    ? Array.from({ length: total }, (_, db) => db)
    : [...new Set([0, db, ...counts.keys()])].sort((a, b) => a - b);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const request = startRequest({
      db: String(form.get('db') ?? ''),
      mode,
      sampleKeys: String(form.get('sampleKeys') ?? ''),
      match: String(form.get('match') ?? ''),
    });
    if (!request.ok) {
      setProblem(request.message);
      return;
    }
    setProblem(null);
    start.mutate(request.body, {
      onSuccess: (reply) => {
        toast('Started a keyspace analysis: its progress shows below.', 'info');
        onStarted(reply.id);
      },
    });
  };

  const conflictId = runningRunIdOf(start.error);
  const shownRunning = conflictId ?? runningId;
  const failure = start.error && conflictId === null ? start.error : null;

  return (
    <form onSubmit={onSubmit} aria-label="Start an analysis" className="space-y-3" data-testid="analysis-start" noValidate>
      <div className="grid gap-3 sm:grid-cols-[11rem_auto_11rem_minmax(0,1fr)] sm:items-end">
        <Field label="Database" htmlFor={`${uid}-db`}>
          <Select id={`${uid}-db`} name="db" value={db} onChange={(event) => setPickedDb(Number(event.target.value))}>
            {dbs.map((db) => (
              <option key={db} value={db}>
                db{db}
                {counts.has(db) ? ` (${formatNumber(counts.get(db))} keys)` : ''}
              </option>
            ))}
          </Select>
        </Field>
        <fieldset className="min-w-0">
          <legend className="block text-sm font-medium text-slate-700">Keys to visit</legend>
          <div className="mt-1 flex gap-3 py-1.5 text-sm">
            {(['full', 'sample'] as const).map((value) => (
              <label key={value} className="inline-flex items-center gap-1.5">
                <input type="radio" name="mode" value={value} checked={mode === value} onChange={() => setMode(value)} className="accent-red-700" />
                {value === 'full' ? 'All (exact)' : 'A sample (estimate)'}
              </label>
            ))}
          </div>
        </fieldset>
        <Field label="Sample size (keys)" htmlFor={`${uid}-sample`}>
          <TextInput
            id={`${uid}-sample`}
            name="sampleKeys"
            inputMode="numeric"
            defaultValue={String(DEFAULT_SAMPLE_KEYS)}
            disabled={mode !== 'sample'}
            aria-describedby={`${uid}-sample-hint`}
          />
        </Field>
        <Field label="Only keys matching (optional glob)" htmlFor={`${uid}-match`}>
          <TextInput
            id={`${uid}-match`}
            name="match"
            maxLength={MAX_MATCH_BYTES}
            placeholder="user:*"
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
          />
        </Field>
      </div>
      <p id={`${uid}-sample-hint`} className="text-xs text-slate-500">
        A full run visits every key and its figures are exact; a sample stops after {formatNumber(bounds.minimum)} to{' '}
        {formatNumber(bounds.maximum)} keys and scales its totals up, labelled as estimates. Either way Redlens slows down when
        Redis answers PING in more than 2 ms.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary" disabled={start.isPending || runningId !== null}>
          {start.isPending ? 'Starting…' : 'Start analysis'}
        </Button>
        {shownRunning !== null ? (
          <p className="text-sm text-slate-700" data-testid="analysis-running-note">
            An analysis is already running on this instance.{' '}
            <Button onClick={() => onOpen(shownRunning)}>Open the running analysis</Button>
          </p>
        ) : null}
      </div>
      {problem ? (
        <p role="alert" className="text-sm text-red-800">
          {problem}
        </p>
      ) : null}
      {failure ? (
        <p role="alert" className="text-sm text-red-800" data-testid="analysis-start-error">
          The analysis could not start{errorCodeOf(failure) ? ` (${errorCodeOf(failure)})` : ''}: {endSentence(failure.message)}
        </p>
      ) : null}
    </form>
  );
}
