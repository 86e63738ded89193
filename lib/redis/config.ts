// CONFIG: the one place Redlens reads Redis's settings.
import 'server-only';
import type Redis from 'ioredis';
import { parseConfigGet } from './parse/parse-config';

/** CONFIG GET `pattern` (a glob: `slowlog-*`) as name -> value; `{}` when nothing matches. */
export async function configGet(client: Redis, pattern: string): Promise<Record<string, string>> {
  return parseConfigGet(await client.config('GET', pattern));
}
