// The shape of Redlens's configuration (SPEC section 6), validated with zod. No server imports.
import { z } from 'zod';
import { ROLES, type Role } from '@/lib/api/roles';
import { TARGETS, type Thresholds } from '@/lib/health-targets';
import type { TtlPolicyRule } from '@/lib/keys/ttl-policy';
import { WEEKDAY_NAMES } from '@/lib/weekdays';

export const INSTANCE_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;

export const redisUrl = z.string().superRefine((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'is not a URL (expected redis://[user:password@]host:port[/db])' });
    return;
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    ctx.addIssue({ code: 'custom', message: `must start with redis:// or rediss://, not ${url.protocol}//` });
  }
  if (url.hostname === '') ctx.addIssue({ code: 'custom', message: 'has no host' });
  const db = url.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d{1,5}$/.test(db)) {
    ctx.addIssue({ code: 'custom', message: `has "/${db}" where a database number is expected` });
  }
});

/** A PEM file's path; lib/config/tls-files.ts reads and checks it at start. */
const pemPath = z.string().min(1).max(4096);

/** Per-instance TLS (SPEC section 6): file paths, read once at start; only with a rediss:// url. */
export const instanceTlsSchema = z
  .object({
    ca: pemPath.optional(),
    cert: pemPath.optional(),
    key: pemPath.optional(),
    servername: z.string().min(1).max(253).optional(),
    rejectUnauthorized: z.boolean().optional(),
  })
  .strict()
  .superRefine((tls, ctx) => {
    // A certificate without its key (or the reverse) cannot be presented: say which one is missing.
    if (tls.cert !== undefined && tls.key === undefined) ctx.addIssue({ code: 'custom', path: ['key'], message: 'is required with tls.cert (the client certificate\'s private key)' });
    if (tls.key !== undefined && tls.cert === undefined) ctx.addIssue({ code: 'custom', path: ['cert'], message: 'is required with tls.key (the client certificate)' });
  });

/** Seed nodes a cluster instance may list: any one that answers tells Redlens all the others. */
export const MAX_CLUSTER_SEEDS = 32;

/** Sentinels an instance may list: enough for any real deployment, few enough to ask in turn. */
export const MAX_SENTINELS = 16;

/** A sentinel's "host:port" ("[::1]:26379" for IPv6): validated at start, split by `parseSentinelAddress`. */
export const sentinelAddress = z.string().superRefine((value, ctx) => {
  if (!parseSentinelAddress(value)) ctx.addIssue({ code: 'custom', message: `"${value}" is not host:port (e.g. "10.0.0.5:26379")` });
});

export function parseSentinelAddress(value: string): { host: string; port: number } | null {
  const match = /^(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9_.-]+)):(\d{1,5})$/.exec(value);
  if (!match) return null;
  const port = Number(match[3]);
  if (port < 1 || port > 65535) return null;
  return { host: match[1] ?? match[2]!, port };
}

export const instanceSchema = z
  .object({
    id: z.string().regex(INSTANCE_ID, 'must be 1-63 letters, digits, "-", "_" or "."'),
    name: z.string().min(1).max(100).optional(),
    // Optional only for a Sentinel instance, where it carries the credentials, the db and TLS
    // (its host is ignored: the sentinels name the master), and absent for a cluster, whose seed
    // urls carry them; required otherwise (checked below).
    url: redisUrl.optional(),
    // Redis Cluster: seed nodes (credentials and TLS from the first; every node is discovered).
    cluster: z.array(redisUrl).min(1, 'needs at least one seed url ("redis://host:port")').max(MAX_CLUSTER_SEEDS).optional(),
    sentinels: z.array(sentinelAddress).min(1, 'needs at least one "host:port"').max(MAX_SENTINELS).optional(),
    masterName: z.string().regex(/^[^\s]{1,200}$/, 'must be the master group name the sentinels monitor (no spaces)').optional(),
    // The sentinels' own credentials (their requirepass or ACL user), when they ask for any.
    sentinelUsername: z.string().min(1).max(200).optional(),
    sentinelPassword: z.string().min(1).max(1000).optional(),
    tls: instanceTlsSchema.optional(),
  })
  .strict()
  .superRefine((instance, ctx) => {
    if (instance.sentinels && instance.masterName === undefined) {
      ctx.addIssue({ code: 'custom', path: ['masterName'], message: 'is required with sentinels (the name in "sentinel monitor <name> ...")' });
    }
    if (instance.masterName !== undefined && !instance.sentinels) {
      ctx.addIssue({ code: 'custom', path: ['sentinels'], message: 'is required with masterName (["host:port", ...])' });
    }
    for (const field of ['sentinelUsername', 'sentinelPassword'] as const) {
      if (instance[field] !== undefined && !instance.sentinels) ctx.addIssue({ code: 'custom', path: [field], message: 'is only for a Sentinel instance (with sentinels and masterName)' });
    }
    if (!instance.sentinels && instance.masterName === undefined && instance.url === undefined && !instance.cluster) {
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'is required (or cluster for a Redis Cluster, or sentinels and masterName for a Sentinel deployment)' });
    }
    if (instance.cluster) {
      if (instance.url !== undefined) ctx.addIssue({ code: 'custom', path: ['url'], message: 'is not used with cluster: put credentials and rediss:// in the seed urls' });
      if (instance.sentinels) ctx.addIssue({ code: 'custom', path: ['sentinels'], message: 'cannot be combined with cluster (Redis Cluster fails over by itself)' });
      // A cluster has only db 0; nodes share one password and one TLS setting.
      instance.cluster.forEach((seed, index) => {
        if (/^rediss?:\/\/[^/]*\/[1-9]/i.test(seed)) ctx.addIssue({ code: 'custom', path: ['cluster', index], message: 'names a db: a Redis Cluster has only db 0' });
      });
      const schemes = new Set(instance.cluster.map((seed) => seed.slice(0, seed.indexOf(':')).toLowerCase()));
      if (schemes.size > 1) ctx.addIssue({ code: 'custom', path: ['cluster'], message: 'mixes redis:// and rediss://: every node of a cluster is reached the same way' });
    }
  })
  .superRefine((instance, ctx) => {
    // The url alone says whether connections are TLS: settings a redis:// url would ignore are refused.
    if (instance.tls !== undefined && !/^rediss:\/\//i.test(instance.url ?? instance.cluster?.[0] ?? '')) {
      ctx.addIssue({ code: 'custom', path: ['tls'], message: 'needs a rediss:// url: with redis:// (or no url) the connection is plain text and these TLS settings would be ignored' });
    }
  });

// Same format as lib/auth/password.ts writes; `npm run hash-password` prints one.
const PASSWORD_HASH = /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/;

export const userSchema = z
  .object({
    username: z.string().regex(/^[A-Za-z0-9_.@-]{1,64}$/, 'must be 1-64 letters, digits, "_", ".", "@" or "-"'),
    role: z.enum(ROLES),
    passwordHash: z.string().regex(PASSWORD_HASH, 'must be scrypt$N$r$p$salt$hash (npm run hash-password prints one)'),
  })
  .strict();

export const tokenSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1-64 letters, digits, "_", "." or "-"'),
    role: z.enum(ROLES),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be the hex SHA-256 of the token'),
  })
  .strict();

const uniqueBy = <T>(field: keyof T & string) => (items: T[], ctx: z.RefinementCtx) => {
  const seen = new Set<unknown>();
  items.forEach((item, index) => {
    if (seen.has(item[field])) {
      ctx.addIssue({ code: 'custom', path: [index, field], message: `"${String(item[field])}" is used twice` });
    }
    seen.add(item[field]);
  });
};

/** 1-7 (ISO, Monday 1) or a day's name ("monday", "Mon"); answers the ISO number. */
export const weekdaySchema = z.union([z.number(), z.string()]).transform((value, ctx) => {
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 1 && value <= 7) return value;
  } else {
    const text = value.trim().toLowerCase();
    const index = text.length >= 3 ? WEEKDAY_NAMES.findIndex((name) => name.startsWith(text)) : -1;
    if (index >= 0) return index + 1;
    if (/^[1-7]$/.test(text)) return Number(text);
  }
  ctx.addIssue({ code: 'custom', message: `must be 1-7 (ISO: Monday 1, Sunday 7) or a day's name ("monday"), not ${JSON.stringify(value)}` });
  return z.NEVER;
});

/** A webhook's address: http(s) only. It may carry a secret (a chat webhook's path): never logged whole. */
export const webhookUrl = z.string().max(2048).superRefine((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'is not a URL (expected https://host/path)' });
    return;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') ctx.addIssue({ code: 'custom', message: `must start with http:// or https://, not ${url.protocol}//` });
});

/** The weekly report's delivery (SPEC section 13): when the fleet's Markdown is POSTed, and where. */
export const reportsDeliverySchema = z
  .object({
    weekday: weekdaySchema.default(1),
    hour: z.number().int('must be a whole hour, 0-23 (UTC)').min(0, 'must be 0-23 (UTC)').max(23, 'must be 0-23 (UTC)').default(8),
    webhook: webhookUrl,
  })
  .strict();

export const configFileSchema = z
  .object({
    instances: z
      .array(instanceSchema)
      .min(1, 'needs at least one instance')
      .superRefine(uniqueBy('id')),
    users: z.array(userSchema).superRefine(uniqueBy('username')).optional(),
    sampleIntervalSeconds: z.number().int().min(1).max(3600).optional(),
    retention: z
      .object({
        rawHours: z.number().int().min(1).max(24 * 30),
        minuteDays: z.number().int().min(1).max(365),
        hourDays: z.number().int().min(1).max(3650),
        slowlogDays: z.number().int().min(1).max(3650),
        slowlogMaxMiB: z.number().int().min(1).max(1024 * 1024),
        auditDays: z.number().int().min(1).max(3650),
        auditMaxMiB: z.number().int().min(1).max(1024 * 1024),
      })
      .partial()
      .strict()
      .optional(),
    thresholds: z
      .object(Object.fromEntries(Object.keys(TARGETS).map((key) => [key, z.number().min(0)])) as Record<keyof Thresholds, z.ZodNumber>)
      .partial()
      .strict()
      .optional(),
    tokens: z.array(tokenSchema).superRefine(uniqueBy('name')).optional(),
    // Replaces the default TTL policy of SPEC section 4 (lib/keys/ttl-policy.ts) as a whole.
    ttlPolicy: z
      .array(
        z
          .object({
            pattern: z.string().min(1).max(256),
            meaning: z.string().max(200).default(''),
            maxTtlSeconds: z.number().int().min(1).nullable(),
            policy: z.string().max(100).optional(),
          })
          .strict(),
      )
      .max(200)
      .optional(),
    reports: reportsDeliverySchema.optional(),
  })
  .strict();

export type InstanceConfigInput = z.infer<typeof instanceSchema>;
export type ConfigFile = z.infer<typeof configFileSchema>;

/** One Redis as Redlens connects to it. The URL (with any password) stays on the server. */
export interface InstanceConfig {
  id: string;
  name: string;
  /** For a Sentinel instance: credentials, db and TLS only (its host and port are not used). */
  url: string;
  /** Set for a Sentinel deployment: Redlens connects to the master these sentinels name. */
  sentinel?: SentinelConfig;
  /**
   * Set for a Redis Cluster: the seed urls (`url` is the first). Every node is discovered and
   * reached with the first seed's credentials and TLS.
   */
  cluster?: { seeds: string[] };
  /** rediss:// only: the PEM files' contents, read at start. Never sent to the browser. */
  tls?: InstanceTls;
}

/** An instance's TLS settings with its files read (lib/config/tls-files.ts); applied to every connection. */
export interface InstanceTls {
  /** PEM text of the CA certificates that may sign the server's certificate (default: Node's CA store). */
  ca?: string;
  /** PEM text of the client certificate and its private key, for a server with tls-auth-clients. */
  cert?: string;
  key?: string;
  /** The name checked against the server's certificate (and sent as SNI) instead of the url's host. */
  servername?: string;
  /** false: the server's certificate is not verified at all (the instance page warns). */
  rejectUnauthorized: boolean;
}

export interface SentinelConfig {
  sentinels: Array<{ host: string; port: number }>;
  masterName: string;
  /** The sentinels' credentials (not the master's: those are in the url). */
  username?: string;
  password?: string;
}

export interface UserConfig {
  username: string;
  role: Role;
  passwordHash: string;
}

export interface TokenConfig {
  name: string;
  role: Role;
  sha256: string;
}

export interface Retention {
  rawHours: number;
  minuteDays: number;
  hourDays: number;
  /** The slow log archive keeps entries this many days, and at most this many MiB (oldest go first). */
  slowlogDays: number;
  slowlogMaxMiB: number;
  /** The audit log likewise. */
  auditDays: number;
  auditMaxMiB: number;
}

export const DEFAULT_RETENTION: Retention = {
  rawHours: 48,
  minuteDays: 30,
  hourDays: 365,
  slowlogDays: 90,
  slowlogMaxMiB: 1024,
  auditDays: 365,
  auditMaxMiB: 256,
};

/**
 * Which proxies' X-Forwarded-For is believed for the client address (REDLENS_TRUST_PROXY):
 * none by default (the peer address is used), every proxy (`1`), or listed proxy addresses.
 */
export type TrustProxy = { mode: 'none' } | { mode: 'all' } | { mode: 'list'; addresses: string[] };

/** Where the dashboard is served: the Host check accepts these (SPEC section 5, DNS rebinding). */
export interface ServedAt {
  /** REDLENS_PUBLIC_URL's origin (scheme://host[:port]) when set. */
  publicUrl: string | null;
  /** REDLENS_HOST and PORT. */
  host: string;
  port: number;
}
export const DEFAULT_SAMPLE_INTERVAL_SECONDS = 10;

export interface RedlensConfig {
  instances: InstanceConfig[];
  dataDir: string;
  /** Users of the config file; env passwords and the generated admin are added by lib/auth. */
  users: UserConfig[];
  tokens: TokenConfig[];
  readOnly: boolean;
  sampleIntervalSeconds: number;
  retention: Retention;
  thresholds: Thresholds;
  /** The TTL policy the keyspace analysis audits against (SPEC section 4). */
  ttlPolicy: readonly TtlPolicyRule[];
  trustProxy: TrustProxy;
  servedAt: ServedAt;
  /** The weekly report's delivery (the config file's `reports`); null: not delivered. */
  reports: ReportsDelivery | null;
  /** REDLENS_ALERT_WEBHOOK: each finding that opens or closes is POSTed here; null: no alerts. */
  alertWebhook: string | null;
}

/** When and where the fleet's weekly report is POSTed: on `weekday` (ISO, Monday 1) at `hour` (UTC). */
export interface ReportsDelivery {
  weekday: number;
  hour: number;
  webhook: string;
}
