// The few colour tones the UI uses for states; colour always comes with words, never alone.

export type Tone = 'ok' | 'warn' | 'bad' | 'neutral';

export const TONE_BADGE: Record<Tone, string> = {
  ok: 'border-emerald-300 bg-emerald-50 text-emerald-800',
  warn: 'border-amber-300 bg-amber-50 text-amber-900',
  bad: 'border-red-300 bg-red-50 text-red-800',
  neutral: 'border-slate-300 bg-slate-50 text-slate-700',
};

export const TONE_TEXT: Record<Tone, string> = {
  ok: 'text-emerald-700',
  warn: 'text-amber-800',
  bad: 'text-red-700',
  neutral: 'text-slate-500',
};

export const TONE_BAR: Record<Tone, string> = {
  ok: 'bg-emerald-600',
  warn: 'bg-amber-500',
  bad: 'bg-red-600',
  neutral: 'bg-slate-500',
};
