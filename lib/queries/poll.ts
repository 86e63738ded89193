// How often pages poll the API. Redis sees at most one INFO a second whatever these are,
// because the server coalesces page traffic (SPEC section 7).

export const POLL_INSTANCES_MS = 3_000;
export const POLL_INFO_MS = 5_000;
