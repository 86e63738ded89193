// The shape of Redlens's configuration (SPEC section 6), validated with zod. No server imports.
import { z } from 'zod';

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

const unsupported = (what: string) =>
  z.unknown().refine((value) => value === undefined, `${what} instances are not supported yet; list the nodes as standalone instances`);

export const instanceSchema = z
  .object({
    id: z.string().regex(INSTANCE_ID, 'must be 1-63 letters, digits, "-", "_" or "."'),
    name: z.string().min(1).max(100).optional(),
    url: redisUrl,
    cluster: unsupported('cluster').optional(),
    sentinels: unsupported('sentinel').optional(),
    masterName: unsupported('sentinel').optional(),
  })
  .strict();

export const configFileSchema = z
  .object({
    instances: z
      .array(instanceSchema)
      .min(1, 'needs at least one instance')
      .superRefine((instances, ctx) => {
        const seen = new Set<string>();
        instances.forEach((instance, index) => {
          if (seen.has(instance.id)) {
            ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `"${instance.id}" is used twice` });
          }
          seen.add(instance.id);
        });
      }),
  })
  .strict();

export type InstanceConfigInput = z.infer<typeof instanceSchema>;
export type ConfigFile = z.infer<typeof configFileSchema>;

/** One Redis as Redlens connects to it. The URL (with any password) stays on the server. */
export interface InstanceConfig {
  id: string;
  name: string;
  url: string;
}

export interface RedlensConfig {
  instances: InstanceConfig[];
  dataDir: string;
}
