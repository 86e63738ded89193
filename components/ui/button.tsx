import type { ComponentPropsWithoutRef } from 'react';

const VARIANTS = {
  primary: 'border-red-700 bg-red-700 text-white hover:bg-red-800',
  secondary: 'border-slate-300 bg-white text-slate-800 hover:bg-slate-50',
} as const;

interface ButtonProps extends ComponentPropsWithoutRef<'button'> {
  variant?: keyof typeof VARIANTS;
}

/** A button that is never an accidental form submit: `type` defaults to "button". */
export function Button({ variant = 'secondary', type = 'button', className = '', ...props }: ButtonProps) {
  return (
    <button
      type={type}
      className={`inline-flex items-center justify-center gap-2 rounded-md border px-3 py-1.5 text-sm font-medium whitespace-nowrap focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700 disabled:cursor-not-allowed disabled:opacity-60 ${VARIANTS[variant]} ${className}`}
      {...props}
    />
  );
}
