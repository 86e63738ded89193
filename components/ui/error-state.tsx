// A failed read, said plainly: what failed, the server's message and its code.
// Not role="alert": the one global alert is the down banner; this is page content.
import type { ReactNode } from 'react';

interface ErrorStateProps {
  title: string;
  message: string;
  code?: string;
  children?: ReactNode;
  'data-testid'?: string;
}

export function ErrorState({ title, message, code, children, ...rest }: ErrorStateProps) {
  return (
    <div className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900" data-testid={rest['data-testid'] ?? 'error-state'}>
      <h2 className="text-base font-semibold">
        <span aria-hidden="true">⚠ </span>
        {title}
      </h2>
      <p className="mt-1 break-words text-sm">{message}</p>
      {code ? (
        <p className="mt-1 text-xs">
          code <code className="font-mono">{code}</code>
        </p>
      ) : null}
      {children ? <div className="mt-2 text-sm">{children}</div> : null}
    </div>
  );
}
