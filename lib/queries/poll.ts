// How often pages poll the API. Redis sees at most one INFO a second whatever these are,
// because the server coalesces page traffic (SPEC section 7).

export const POLL_INSTANCES_MS = 3_000;
/** The overview: its status is a live (shared) PING, so as often as the list; its figures change once a sample. */
export const POLL_FLEET_MS = 3_000;
/** The tab's favicon and title mark off the overview: findings open after two samples (20 s), so 15 s is soon enough. */
export const POLL_FLEET_ALARM_MS = 15_000;
export const POLL_INFO_MS = 5_000;

/** The sampler records every 10 s by default: polling faster would only fetch the same points. */
export const POLL_HEALTH_MS = 10_000;
export const POLL_METRICS_MS = 10_000;
/** "What changed" and the events are read from the store the sampler fills every 10 s. */
export const POLL_CHANGES_MS = 10_000;
export const POLL_EVENTS_MS = 10_000;
/** 24 h and longer ranges have points minutes apart (rollups): once a minute is plenty. */
export const POLL_METRICS_LONG_MS = 60_000;

/** The live slow log: SLOWLOG GET is cheap and on-call wants new entries within seconds. */
export const POLL_SLOWLOG_MS = 5_000;
/** The archive grows as the sampler reads the slow log (every 10 s); a range of days need not be refetched more often. */
export const POLL_SLOWLOG_ARCHIVE_MS = 30_000;
/** The cluster page: the topology is asked again after 5 s, the figures change once a sample. */
export const POLL_CLUSTER_MS = 5_000;
