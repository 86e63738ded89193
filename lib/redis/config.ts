// CONFIG: the one place Redlens reads and writes Redis's settings. Secrets are replaced here, as
// the reply arrives, so no caller (audit, drift, events, logs) ever holds them (SPEC section 3).
import 'server-only';
import type Redis from 'ioredis';
import { ApiError } from '@/lib/api/errors';
import { parseConfigGet } from './parse/parse-config';

/** What a secret setting reads as everywhere past this module. */
export const REDACTED = '(redacted)';

const SECRET_SETTINGS = new Set(['requirepass', 'masterauth', 'masteruser', 'tls-key-file-pass', 'tls-client-key-file-pass']);

/** A setting whose value never leaves this module: the named ones and any name containing `pass`. */
export function isSecretSetting(name: string): boolean {
  return SECRET_SETTINGS.has(name.toLowerCase()) || /pass/i.test(name);
}

function redact(config: Record<string, string>): Record<string, string> {
  for (const name of Object.keys(config)) if (isSecretSetting(name)) config[name] = REDACTED;
  return config;
}

/** NOPERM, said with the ACL rule that grants the command; anything else is left to lib/redis/errors.ts. */
function deniedAs(permission: string, what: string) {
  return (error: unknown): never => {
    if (error instanceof Error && error.message.startsWith('NOPERM')) {
      throw new ApiError('REDIS_COMMAND_DENIED', `The Redis ACL user may not run ${what}: grant it with ${permission} (${error.message}).`);
    }
    throw error;
  };
}

/** CONFIG GET `pattern` (a glob: `slowlog-*`) as name -> value, secrets redacted; `{}` when nothing matches. */
export async function configGet(client: Redis, pattern: string): Promise<Record<string, string>> {
  const reply: unknown = await client.config('GET', pattern).catch(deniedAs('+config|get', 'CONFIG GET'));
  return redact(parseConfigGet(reply));
}

/** Every setting (CONFIG GET *, about 6.5 KB on Redis 7.0) and the names whose values were redacted. */
export async function readAllConfig(client: Redis): Promise<{ settings: Record<string, string>; redacted: string[] }> {
  const settings = await configGet(client, '*');
  return { settings, redacted: Object.keys(settings).filter(isSecretSetting).sort() };
}

/** One setting's value, whatever spelling the server answers with (Redis 7 answers aliases too). */
async function readOne(client: Redis, name: string): Promise<string | null> {
  const config = await configGet(client, name);
  return config[name] ?? Object.values(config)[0] ?? null;
}

/**
 * CONFIG SET of exactly one setting, with its value before and as read back after. The caller
 * validates the name against the allowlist; Redis's own refusal of a value (`ERR ... argument`)
 * is a bad request, not a failure of Redlens. Never called for a secret.
 */
export async function configSetOne(client: Redis, name: string, value: string): Promise<{ name: string; before: string | null; after: string | null }> {
  if (isSecretSetting(name)) throw new ApiError('BAD_REQUEST', `${name} is a secret: Redlens never reads or writes it.`);
  const before = await readOne(client, name);
  try {
    await client.config('SET', name, value);
  } catch (error) {
    if (error instanceof Error && /^ERR (?!unknown (sub)?command)/i.test(error.message)) {
      throw new ApiError('BAD_REQUEST', `Redis refused ${name} = "${value}": ${error.message}`);
    }
    deniedAs('+config|set', 'CONFIG SET')(error);
  }
  return { name, before, after: await readOne(client, name) };
}
