// A labelled form control: the label names the control for screen readers and for getByLabel.
import type { ComponentProps, ReactNode } from 'react';

const CONTROL =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-900 shadow-sm focus-visible:border-red-700 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-red-700';

export function Field({ label, htmlFor, children }: { label: string; htmlFor: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <label htmlFor={htmlFor} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <div className="mt-1">{children}</div>
    </div>
  );
}

export function TextInput({ className = '', ...props }: ComponentProps<'input'>) {
  return <input className={`${CONTROL} ${className}`} {...props} />;
}

export function Select({ className = '', ...props }: ComponentProps<'select'>) {
  return <select className={`${CONTROL} ${className}`} {...props} />;
}

/**
 * A filter choice with "any" first. A choice in a list is complete when made, so it submits its
 * form at once (with the text fields beside it).
 */
export function ChoiceFilter({ id, name, value, choices }: { id: string; name: string; value: string | undefined; choices: readonly string[] }) {
  return (
    <Select id={id} name={name} defaultValue={value ?? ''} onChange={(event) => event.currentTarget.form?.requestSubmit()}>
      <option value="">any</option>
      {choices.map((choice) => (
        <option key={choice} value={choice}>
          {choice}
        </option>
      ))}
    </Select>
  );
}
