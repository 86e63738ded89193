'use client';
// The tab says how the fleet is while it sits in the background: a favicon with an amber or red
// exclamation mark and a title mark ("(!)", "(!!)") while any instance has a warning or critical
// finding. It reads the fleet answer (the sampler's state in memory, no Redis call), every
// POLL_FLEET_ALARM_MS off the overview; on the overview the overview's own poll serves it.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { fleetAlarm, titleWithAlarm, type FleetAlarm } from '@/lib/page-title';
import { fleetQuery } from '@/lib/queries/fleet';
import { POLL_FLEET_ALARM_MS } from '@/lib/queries/poll';

const ICON_COLOURS: Record<Exclude<FleetAlarm, 'ok'>, { fill: string; mark: string }> = {
  warning: { fill: '#f59e0b', mark: '#1c1917' },
  critical: { fill: '#dc2626', mark: '#ffffff' },
};

/** A round icon with an exclamation mark, unlike the calm ring of app/icon.svg. */
export function alarmIconHref(alarm: Exclude<FleetAlarm, 'ok'>): string {
  const { fill, mark } = ICON_COLOURS[alarm];
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="15" fill="${fill}"/>` +
    `<rect x="13.5" y="6" width="5" height="13" rx="2" fill="${mark}"/><circle cx="16" cy="24.5" r="2.8" fill="${mark}"/></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

const ICON_ATTRIBUTE = 'data-fleet-alarm';

/**
 * Only the dashboard's own document is marked: it has the icon link of app/icon.svg. A document
 * put in its place (a test's setContent, a printed report) is left as it is: a head changed under
 * it would make the browser look for /favicon.ico, which does not exist.
 */
const isDashboardDocument = () => document.head.querySelector(`link[rel="icon"]:not([${ICON_ATTRIBUTE}])`) !== null;

export function FleetAlarmMarks() {
  const fleet = useQuery({ ...fleetQuery(), refetchInterval: POLL_FLEET_ALARM_MS });
  const instances = fleet.data?.instances;
  // A failed poll keeps the last answer's marks: the down banner says the server is unreachable.
  const alarm = useMemo(() => fleetAlarm(instances?.map((instance) => instance.health.counts) ?? []), [instances]);

  useEffect(() => {
    const mark = () => {
      if (!isDashboardDocument()) return;
      const marked = titleWithAlarm(document.title, alarm);
      if (document.title !== marked) document.title = marked;
    };
    mark();
    // Next sets the title of each page as it navigates: mark the new one too.
    const observer = new MutationObserver(mark);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => observer.disconnect();
  }, [alarm]);

  useEffect(() => {
    document.head.querySelector(`link[${ICON_ATTRIBUTE}]`)?.remove();
    if (alarm === 'ok' || !isDashboardDocument()) return;
    // The last icon link wins; Next's own (app/icon.svg) stays for when all is well again.
    const link = document.createElement('link');
    link.rel = 'icon';
    link.type = 'image/svg+xml';
    link.href = alarmIconHref(alarm);
    link.setAttribute(ICON_ATTRIBUTE, alarm);
    document.head.appendChild(link);
    return () => link.remove();
  }, [alarm]);

  return null;
}
