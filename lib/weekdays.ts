// ISO weekdays by name: the config's `reports.weekday` may name one, and the report page says
// which day the report goes out. Browser-shared.

/** Monday 1 .. Sunday 7 (index + 1), lower case as the config file may write them. */
export const WEEKDAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** `Monday` for 1 .. `Sunday` for 7; '' for anything else. */
export function weekdayName(weekday: number): string {
  const name = WEEKDAY_NAMES[weekday - 1] ?? '';
  return name.charAt(0).toUpperCase() + name.slice(1);
}
