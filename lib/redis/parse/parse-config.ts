// Parses the reply of CONFIG GET (a flat [name, value, name, value, ...] array) into name ->
// value. Pure.

export class ConfigParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigParseError';
  }
}

const asText = (value: unknown): string | null =>
  typeof value === 'string' ? value : value instanceof Uint8Array ? new TextDecoder().decode(value) : null;

/** Throws ConfigParseError on anything but name/value pairs of text; no match answers `{}`. */
export function parseConfigGet(reply: unknown): Record<string, string> {
  if (!Array.isArray(reply) || reply.length % 2 !== 0) {
    throw new ConfigParseError('CONFIG GET did not answer with name/value pairs');
  }
  const config: Record<string, string> = {};
  for (let i = 0; i < reply.length; i += 2) {
    const name = asText(reply[i]);
    const value = asText(reply[i + 1]);
    if (name === null || value === null) throw new ConfigParseError(`CONFIG GET answered a non-text pair at ${i}`);
    config[name] = value;
  }
  return config;
}
