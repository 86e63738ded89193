// What a browser tab says: the page, then the instance by its name, then Redlens (the root
// layout's title template adds it), and a mark in front while any instance has a finding, so a
// tab in the background tells a warning from a critical one. No server imports.

/** The worst active finding over the fleet, as the favicon and the title mark show it. */
export type FleetAlarm = 'ok' | 'warning' | 'critical';

/** Between the parts of a title; the root layout's template uses it before "Redlens". */
export const TITLE_SEPARATOR = ' · ';

/** `Slow log · Meal planner cache`; an instance's own page is just its name. */
export function instancePageTitle(page: string | null, instanceName: string): string {
  return page ? `${page}${TITLE_SEPARATOR}${instanceName}` : instanceName;
}

/** The marks a title starts with; `ok` has none. */
export const ALARM_TITLE_MARK: Record<FleetAlarm, string> = { ok: '', warning: '(!) ', critical: '(!!) ' };

/** `title` with the mark of `alarm`, whatever mark it carried before (titles change under it). */
export function titleWithAlarm(title: string, alarm: FleetAlarm): string {
  return `${ALARM_TITLE_MARK[alarm]}${titleWithoutAlarm(title)}`;
}

export function titleWithoutAlarm(title: string): string {
  for (const mark of [ALARM_TITLE_MARK.critical, ALARM_TITLE_MARK.warning]) {
    if (title.startsWith(mark)) return title.slice(mark.length);
  }
  return title;
}

/** The worst of the fleet's active finding counts. */
export function fleetAlarm(counts: ReadonlyArray<{ critical: number; warning: number }>): FleetAlarm {
  if (counts.some((count) => count.critical > 0)) return 'critical';
  if (counts.some((count) => count.warning > 0)) return 'warning';
  return 'ok';
}
