'use client';
// One typed value of an edit form: text, JSON (checked, formatted on demand) or hex, and a preview
// of exactly the bytes that will be written (their count, and their text or hex). The form reads
// the bytes from `useEncodedInput`; nothing is sent while the input is invalid.
import { useId, useMemo, useState } from 'react';
import { displayText } from '@/lib/display-bytes';
import { formatBytes, formatNumber } from '@/lib/format';
import { Button } from '@/components/ui/button';
import { TextInput } from '@/components/ui/field';
import { EDIT_MODES, bytesToHex, convertText, encodeInput, formatJson, type EditMode, type Encoded } from './model/value-codec';

export interface EncodedInputState {
  text: string;
  mode: EditMode;
  encoded: Encoded;
  setText: (text: string) => void;
  setMode: (mode: EditMode) => void;
  /** Why the mode could not change (the bytes are not UTF-8 text), until the next change. */
  modeError: string | null;
  reset: (text: string, mode: EditMode) => void;
}

export function useEncodedInput(initial: { text: string; mode: EditMode } = { text: '', mode: 'text' }): EncodedInputState {
  const [text, setText] = useState(initial.text);
  const [mode, setModeState] = useState<EditMode>(initial.mode);
  const [modeError, setModeError] = useState<string | null>(null);
  const encoded = useMemo(() => encodeInput(text, mode), [text, mode]);
  return {
    text, mode, encoded, modeError,
    setText: (next) => {
      setModeError(null);
      setText(next);
    },
    // Switching modes converts what was typed, so the bytes stay the same (or the switch is refused).
    setMode: (next) => {
      const converted = convertText(text, mode, next);
      if ('error' in converted) {
        setModeError(converted.error);
        return;
      }
      setModeError(null);
      setText(converted.text);
      setModeState(next);
    },
    reset: (nextText, nextMode) => {
      setModeError(null);
      setText(nextText);
      setModeState(nextMode);
    },
  };
}

const MODE_LABEL: Record<EditMode, string> = { text: 'Text', json: 'JSON', hex: 'Hex' };
/** Beyond this the preview shows the start only: the bytes count says how much is written. */
const PREVIEW_BYTES = 2048;

/** Exactly what will be written: the byte count, then the bytes as text (escaped) or hex. */
export function BytesPreview({ encoded, label }: { encoded: Encoded; label: string }) {
  if (!encoded.ok) return null;
  const shown = encoded.bytes.subarray(0, PREVIEW_BYTES);
  const text = displayText(shown);
  const cut = encoded.bytes.length > shown.length;
  return (
    <div className="space-y-1 text-xs text-slate-700" data-testid="bytes-preview">
      <p>
        {label}: <strong>{formatNumber(encoded.bytes.length)} {encoded.bytes.length === 1 ? 'byte' : 'bytes'}</strong>
        {encoded.bytes.length === 0 ? ' (an empty value)' : ''}
        {text.escaped ? ' (shown with escapes: not all of it is printable UTF-8 text)' : ''}
      </p>
      {encoded.bytes.length > 0 ? (
        <pre className="max-h-40 overflow-auto whitespace-pre-wrap break-all rounded border border-slate-200 bg-white p-1 font-mono">
          {text.escaped ? bytesToHex(shown) : text.text}
          {cut ? `\n… (first ${formatBytes(shown.length)} shown)` : ''}
        </pre>
      ) : null}
    </div>
  );
}

interface EncodedInputProps {
  label: string;
  state: EncodedInputState;
  /** A value may be long and have lines; a field, member or name is one line. */
  multiline?: boolean;
  autoFocus?: boolean;
  /** Show the bytes preview under the input (forms with one value show it beside the button instead). */
  preview?: boolean;
}

export function EncodedInput({ label, state, multiline = false, autoFocus = false, preview = true }: EncodedInputProps) {
  const uid = useId();
  const inputId = `${uid}-value`;
  const errorId = `${uid}-error`;
  const error = state.modeError ?? (state.encoded.ok ? null : state.encoded.error);
  const common = {
    id: inputId,
    value: state.text,
    autoFocus,
    spellCheck: false,
    'aria-invalid': error !== null,
    'aria-describedby': error !== null ? errorId : undefined,
    onChange: (event: { target: { value: string } }) => state.setText(event.target.value),
  };
  return (
    <div className="min-w-0 space-y-1">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <label htmlFor={inputId} className="block text-xs font-medium text-slate-700">{label}</label>
        <div role="group" aria-label={`${label}: typed as`} className="flex gap-1">
          {EDIT_MODES.map((mode) => (
            <Button
              key={mode}
              aria-pressed={state.mode === mode}
              onClick={() => state.setMode(mode)}
              className="px-2 py-0.5 text-xs aria-pressed:border-red-700 aria-pressed:bg-red-50"
            >
              {MODE_LABEL[mode]}
            </Button>
          ))}
          {state.mode === 'json' ? (
            <Button
              className="px-2 py-0.5 text-xs"
              disabled={formatJson(state.text) === null}
              onClick={() => state.setText(formatJson(state.text) ?? state.text)}
            >
              Format
            </Button>
          ) : null}
        </div>
      </div>
      {multiline ? (
        <textarea
          {...common}
          rows={Math.min(16, Math.max(3, state.text.split('\n').length + 1))}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 font-mono text-sm text-slate-900 shadow-sm focus-visible:border-red-700 focus-visible:outline-2 focus-visible:outline-red-700 aria-invalid:border-red-700"
        />
      ) : (
        <TextInput {...common} className="font-mono aria-invalid:border-red-700" />
      )}
      {error !== null ? <p id={errorId} className="text-xs text-red-700" role="alert">{error}</p> : null}
      {preview ? <BytesPreview encoded={state.encoded} label={`${label} to write`} /> : null}
    </div>
  );
}
