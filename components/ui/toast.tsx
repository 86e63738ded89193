'use client';
// Toasts: one short line after every change ("Deleted user:42 (db0)"), read out by screen readers
// (a polite live region that is always in the page, so the first toast is announced too), gone
// after a few seconds or on its close button. Errors stay in their forms; a toast says what was done.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

export type ToastTone = 'success' | 'info' | 'error';

interface Toast {
  id: number;
  message: string;
  tone: ToastTone;
}

interface ToastApi {
  /** Shows `message` for TOAST_MS (errors for twice as long). */
  toast: (message: string, tone?: ToastTone) => void;
}

export const TOAST_MS = 5_000;
/** More than this at once and the oldest goes. */
const MAX_TOASTS = 4;

const ToastContext = createContext<ToastApi | null>(null);

const TONES: Record<ToastTone, string> = {
  success: 'border-emerald-700 bg-emerald-50 text-emerald-950',
  info: 'border-slate-400 bg-white text-slate-900',
  error: 'border-red-700 bg-red-50 text-red-950',
};

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)), []);
  const toast = useCallback((message: string, tone: ToastTone = 'success') => {
    const id = next.current++;
    setToasts((all) => [...all, { id, message, tone }].slice(-MAX_TOASTS));
    setTimeout(() => dismiss(id), tone === 'error' ? 2 * TOAST_MS : TOAST_MS);
  }, [dismiss]);
  const api = useMemo(() => ({ toast }), [toast]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div
        role="status"
        aria-live="polite"
        aria-label="Notifications"
        className="pointer-events-none fixed right-4 bottom-4 left-4 z-50 flex flex-col items-end gap-2 sm:left-auto"
        data-testid="toasts"
      >
        {toasts.map((item) => (
          <div
            key={item.id}
            className={`pointer-events-auto flex max-w-[min(28rem,100%)] items-start gap-3 rounded-md border-l-4 px-3 py-2 text-sm shadow-lg ${TONES[item.tone]}`}
            data-testid="toast"
          >
            <p className="min-w-0 break-words">{item.message}</p>
            <button
              type="button"
              onClick={() => dismiss(item.id)}
              className="ml-auto rounded px-1 text-current opacity-70 hover:opacity-100 focus-visible:outline-2 focus-visible:outline-red-700"
              aria-label="Dismiss notification"
            >
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

/** The toast of the page; outside a ToastProvider (a unit render) it does nothing. */
export function useToast(): ToastApi {
  return useContext(ToastContext) ?? { toast: () => undefined };
}
