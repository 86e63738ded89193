// Fleet drift: the settings whose values differ across the instances that answered. Pure: it takes
// each instance's CONFIG GET * with the secrets already replaced, and never compares those.
import { BASELINE } from './baseline';
import { canonicalSettingName } from './names';
import type { DriftSetting } from './types';

/**
 * Settings that name this process's own files, ports and addresses: they differ on every
 * instance by design, so listing them would bury the drift that matters.
 */
const PER_INSTANCE = new Set([
  'port', 'tls-port', 'bind', 'bind-source-addr', 'dir', 'pidfile', 'logfile', 'unixsocket', 'dbfilename',
  'appendfilename', 'appenddirname', 'cluster-config-file', 'replicaof', 'syslog-ident',
  'cluster-announce-ip', 'cluster-announce-hostname', 'cluster-announce-port', 'cluster-announce-bus-port',
  'cluster-announce-tls-port', 'replica-announce-ip', 'replica-announce-port',
]);

const RECOMMENDED = new Map(BASELINE.map((row) => [row.name, row.recommended]));

export interface InstanceSettings {
  instance: string;
  settings: Readonly<Record<string, string>>;
  /** Names whose values were redacted: never compared. */
  redacted: readonly string[];
}

/** Each instance's settings under their Redis 7 names (the new spelling wins when both are reported). */
function canonical(of: InstanceSettings): Map<string, string> {
  const byName = new Map<string, string>();
  const redacted = new Set(of.redacted);
  for (const [name, value] of Object.entries(of.settings)) {
    if (redacted.has(name)) continue;
    const key = canonicalSettingName(name);
    if (key === name || !byName.has(key)) byName.set(key, value);
  }
  return byName;
}

/** The differing settings: those section 3 recommends first (in its order), then the rest by name. */
export function configDrift(instances: readonly InstanceSettings[]): DriftSetting[] {
  const maps = instances.map((of) => ({ instance: of.instance, settings: canonical(of) }));
  const names = new Set(maps.flatMap(({ settings }) => [...settings.keys()]));
  const drifting: DriftSetting[] = [];
  for (const name of names) {
    if (PER_INSTANCE.has(name)) continue;
    const values = maps.map(({ instance, settings }) => ({ instance, value: settings.get(name) ?? null }));
    const reported = new Set(values.flatMap(({ value }) => (value === null ? [] : [value])));
    if (reported.size < 2) continue;
    const recommended = RECOMMENDED.get(name);
    drifting.push({ name, ...(recommended !== undefined && { recommended }), values });
  }
  const order = (setting: DriftSetting) => {
    const index = BASELINE.findIndex((row) => row.name === setting.name);
    return index === -1 ? BASELINE.length : index;
  };
  return drifting.sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name));
}
