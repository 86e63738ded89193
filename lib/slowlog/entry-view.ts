// One slow log entry as the API shows it: with its fingerprint and any warning.
import type { SlowlogEntry } from '@/lib/redis/parse/parse-slowlog';
import { fingerprint } from './fingerprint';
import type { SlowlogEntryView } from './types';
import { warningFor } from './warnings';

export function toView(entry: SlowlogEntry): SlowlogEntryView {
  return { ...entry, warning: warningFor(entry.args), fingerprint: fingerprint(entry.args) };
}
