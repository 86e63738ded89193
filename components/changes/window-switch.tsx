'use client';
// The window of "what changed", kept in the URL (`?window=60m`).
import { CHANGE_WINDOWS, type ChangeWindow } from '@/lib/changes/types';
import { UrlSwitch } from '@/components/ui/url-switch';

const LABELS: Record<ChangeWindow, { short: string; long: string }> = {
  '15m': { short: '15 m', long: 'Last 15 minutes against the 15 before' },
  '60m': { short: '60 m', long: 'Last 60 minutes against the 60 before' },
};

export function WindowSwitch({ value }: { value: ChangeWindow }) {
  return <UrlSwitch param="window" value={value} options={CHANGE_WINDOWS} labels={LABELS} groupLabel="Window compared" testIdPrefix="window" />;
}
