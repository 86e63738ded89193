// The frame of a filter form kept in the URL: a labelled search landmark whose submit hands the
// fields over as search params, "Apply filters", "Clear filters" once a filter is set, and a hint
// the form is described by. The fields go inside: FilterText, or a ChoiceFilter in a Field.
import { useId, type FormEvent, type ReactNode } from 'react';
import { formSearchParams } from '@/lib/form-params';
import { Button } from './button';
import { Field, TextInput } from './field';

interface FilterFormProps {
  /** The search landmark's name: "Filter the audit log". */
  label: string;
  onApply: (fields: URLSearchParams) => void;
  /** Given when a filter is set: shows "Clear filters". */
  onClear?: () => void;
  hint?: ReactNode;
  className?: string;
  children: ReactNode;
}

export function FilterForm({ label, onApply, onClear, hint, className = '', children }: FilterFormProps) {
  const hintId = useId();

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply(formSearchParams(event.currentTarget));
  }

  return (
    <form
      role="search"
      aria-label={label}
      aria-describedby={hint ? hintId : undefined}
      onSubmit={apply}
      className={`rounded-lg border border-slate-200 bg-white shadow-sm ${className}`}
    >
      {children}
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary">
          Apply filters
        </Button>
        {onClear ? <Button onClick={onClear}>Clear filters</Button> : null}
        {hint ? (
          <p id={hintId} className="text-xs text-slate-500">
            {hint}
          </p>
        ) : null}
      </div>
    </form>
  );
}

interface FilterTextProps {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  placeholder: string;
  /** The API's bound, imported from its schema or constants. */
  maxLength: number;
  type?: 'text' | 'search';
}

/** A text filter: what is typed is matched as typed, so no autocomplete or spelling fixes. */
export function FilterText({ id, name, label, value, placeholder, maxLength, type }: FilterTextProps) {
  return (
    <Field label={label} htmlFor={id}>
      <TextInput
        id={id}
        name={name}
        type={type}
        defaultValue={value ?? ''}
        placeholder={placeholder}
        maxLength={maxLength}
        autoComplete="off"
        spellCheck={false}
      />
    </Field>
  );
}
