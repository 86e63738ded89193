// How a sentinel's flags for an instance read: down or disconnected is bad, a failover under way
// a warning, anything else (master, slave, sentinel) fine. Pure.
import type { Tone } from '@/components/ui/tone';

/** Flags a sentinel sets on an instance it judges unhealthy or cannot reach. */
const BAD_FLAGS = ['s_down', 'o_down', 'disconnected'];

export function flagsTone(flags: readonly string[]): Tone {
  if (flags.some((flag) => BAD_FLAGS.includes(flag))) return 'bad';
  return flags.some((flag) => flag.startsWith('failover') || flag === 'promoted') ? 'warn' : 'ok';
}
