// Reads the configuration from the environment (and REDLENS_CONFIG's file) and validates it.
import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { TARGETS } from '@/lib/health-targets';
import { DEFAULT_TTL_POLICY, policyText } from '@/lib/keys/ttl-policy';
import {
  configFileSchema,
  DEFAULT_RETENTION,
  DEFAULT_SAMPLE_INTERVAL_SECONDS,
  parseSentinelAddress,
  redisUrl,
  type ConfigFile,
  type InstanceConfig,
  type InstanceTls,
  type RedlensConfig,
  type ServedAt,
  type TrustProxy,
  webhookUrl,
} from './schema';
import { describeRedisUrl } from './redis-url';
import { readTlsFiles } from './tls-files';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** "instances[1].url: must start with redis://" — names the field a person has to fix. */
export function formatIssues(source: string, error: z.ZodError): string {
  const lines = error.issues.map((issue) => {
    const field = issue.path
      .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i > 0 ? '.' : ''}${String(part)}`))
      .join('');
    return `  ${field || '(top level)'}: ${issue.message}`;
  });
  return `${source} is not valid:\n${lines.join('\n')}`;
}

type EnvSettings = 'dataDir' | 'readOnly' | 'trustProxy' | 'servedAt' | 'alertWebhook';
type FileSettings = Omit<RedlensConfig, EnvSettings>;

const DEFAULT_FILE_SETTINGS: Omit<FileSettings, 'instances'> = {
  users: [],
  tokens: [],
  sampleIntervalSeconds: DEFAULT_SAMPLE_INTERVAL_SECONDS,
  retention: DEFAULT_RETENTION,
  thresholds: { ...TARGETS },
  ttlPolicy: DEFAULT_TTL_POLICY,
  reports: null,
};

function loadFile(file: string): FileSettings {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`REDLENS_CONFIG: cannot read ${file}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`REDLENS_CONFIG: ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = configFileSchema.safeParse(json);
  if (!parsed.success) throw new ConfigError(formatIssues(`REDLENS_CONFIG (${file})`, parsed.error));
  const tls = readInstancesTls(file, parsed.data.instances);
  return {
    instances: parsed.data.instances.map((instance, index) => {
      const config = instanceConfig(instance);
      return tls[index] ? { ...config, tls: tls[index] } : config;
    }),
    users: parsed.data.users ?? [],
    tokens: parsed.data.tokens ?? [],
    sampleIntervalSeconds: parsed.data.sampleIntervalSeconds ?? DEFAULT_SAMPLE_INTERVAL_SECONDS,
    retention: { ...DEFAULT_RETENTION, ...parsed.data.retention },
    thresholds: { ...TARGETS, ...parsed.data.thresholds },
    ttlPolicy: parsed.data.ttlPolicy?.map((rule) => ({ ...rule, policy: rule.policy ?? policyText(rule.maxTtlSeconds) })) ?? DEFAULT_TTL_POLICY,
    reports: parsed.data.reports ?? null,
  };
}

/** A Sentinel instance without a url connects without credentials, to db 0, without TLS. */
const SENTINEL_DEFAULT_URL = 'redis://sentinel-master';

function instanceConfig({ id, name, url, cluster, sentinels, masterName, sentinelUsername, sentinelPassword }: ConfigFile['instances'][number]): InstanceConfig {
  if (cluster) return { id, name: name ?? `${describeRedisUrl(cluster[0]!).address} (cluster)`, url: cluster[0]!, cluster: { seeds: cluster } };
  if (sentinels && masterName !== undefined) {
    return {
      id,
      name: name ?? `${masterName} (sentinel)`,
      url: url ?? SENTINEL_DEFAULT_URL,
      // The schema checked every address.
      sentinel: {
        sentinels: sentinels.map((address) => parseSentinelAddress(address)!),
        masterName,
        ...(sentinelUsername !== undefined && { username: sentinelUsername }),
        ...(sentinelPassword !== undefined && { password: sentinelPassword }),
      },
    };
  }
  // The schema requires a url when there are no sentinels.
  return { id, name: name ?? describeRedisUrl(url!).address, url: url! };
}

/**
 * Every instance's TLS files, read once and checked at start (paths relative to the config
 * file's folder); all the problems in one message that names each field.
 */
function readInstancesTls(file: string, instances: ConfigFile['instances']): Array<InstanceTls | undefined> {
  const issues: string[] = [];
  const read = instances.map((instance, index) => {
    if (!instance.tls) return undefined;
    const result = readTlsFiles(`instances[${index}].tls`, instance.tls, path.dirname(file));
    issues.push(...result.issues.map(({ field, message }) => `  ${field}: ${message}`));
    return result.tls;
  });
  if (issues.length > 0) throw new ConfigError(`REDLENS_CONFIG (${file}) is not valid:\n${issues.join('\n')}`);
  return read;
}

function loadUrl(variable: string, url: string): InstanceConfig[] {
  const parsed = redisUrl.safeParse(url);
  if (!parsed.success) {
    // Never echo the URL itself: it may carry a password.
    throw new ConfigError(`${variable} ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
  }
  return [{ id: 'default', name: describeRedisUrl(url).address, url }];
}

const IP_ADDRESS = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*)$/;

/** REDLENS_TRUST_PROXY: unset or 0 (believe no proxy), 1 / true (any), or a comma list of addresses. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? '';
  if (text === '' || text === '0' || text === 'false') return { mode: 'none' };
  if (text === '1' || text === 'true') return { mode: 'all' };
  const addresses = text.split(',').map((entry) => entry.trim()).filter(Boolean);
  const bad = addresses.find((entry) => !IP_ADDRESS.test(entry));
  if (bad !== undefined) throw new ConfigError(`REDLENS_TRUST_PROXY: "${bad}" is not an IP address (use 1, or a comma-separated list of proxy addresses)`);
  return { mode: 'list', addresses };
}

/** REDLENS_PUBLIC_URL, REDLENS_HOST and PORT: where browsers reach the dashboard. */
export function parseServedAt(env: Env): ServedAt {
  const port = Number(env.PORT || 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new ConfigError(`PORT: "${env.PORT}" is not a TCP port`);
  let publicUrl: string | null = null;
  if (env.REDLENS_PUBLIC_URL) {
    let url: URL;
    try {
      url = new URL(env.REDLENS_PUBLIC_URL);
    } catch {
      throw new ConfigError('REDLENS_PUBLIC_URL: is not a URL (expected https://redlens.example.com)');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError('REDLENS_PUBLIC_URL: must start with http:// or https://');
    publicUrl = url.origin;
  }
  return { publicUrl, host: env.REDLENS_HOST || '127.0.0.1', port };
}

/** REDLENS_ALERT_WEBHOOK: an http(s) URL, or unset. The URL is never echoed: its path may be a secret. */
export function parseAlertWebhook(value: string | undefined): string | null {
  const text = value?.trim() ?? '';
  if (text === '') return null;
  const parsed = webhookUrl.safeParse(text);
  if (!parsed.success) throw new ConfigError(`REDLENS_ALERT_WEBHOOK: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
  return text;
}

export function loadConfig(env: Env = process.env): RedlensConfig {
  const dataDir = path.resolve(/* turbopackIgnore: true */ process.cwd(), env.REDLENS_DATA_DIR || '.redlens');
  const urlVariable = env.REDIS_URL ? 'REDIS_URL' : 'REDLENS_REDIS_URL';
  const url = env.REDIS_URL || env.REDLENS_REDIS_URL;
  const readOnly = env.REDLENS_READ_ONLY === '1' || env.REDLENS_READ_ONLY === 'true';
  const fromEnv = { dataDir, readOnly, trustProxy: parseTrustProxy(env.REDLENS_TRUST_PROXY), servedAt: parseServedAt(env), alertWebhook: parseAlertWebhook(env.REDLENS_ALERT_WEBHOOK) };
  if (env.REDLENS_CONFIG) return { ...loadFile(env.REDLENS_CONFIG), ...fromEnv };
  if (url) return { instances: loadUrl(urlVariable, url), ...DEFAULT_FILE_SETTINGS, ...fromEnv };
  throw new ConfigError('No Redis is configured: set REDIS_URL=redis://host:6379 or REDLENS_CONFIG=path/to/redlens.json.');
}
