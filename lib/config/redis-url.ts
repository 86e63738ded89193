// Splits a validated redis:// or rediss:// URL into connection settings and a password-free label.

export interface RedisEndpoint {
  host: string;
  port: number;
  tls: boolean;
  username?: string;
  password?: string;
  db: number;
  /** host:port, with /db when not 0: safe to show and to log. */
  address: string;
}

export function describeRedisUrl(value: string): RedisEndpoint {
  const url = new URL(value);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = url.port ? Number(url.port) : 6379;
  const db = Number(url.pathname.replace(/^\//, '') || '0');
  const username = url.username ? decodeURIComponent(url.username) : undefined;
  const password = url.password ? decodeURIComponent(url.password) : undefined;
  return {
    host,
    port,
    tls: url.protocol === 'rediss:',
    ...(username !== undefined && { username }),
    ...(password !== undefined && { password }),
    db,
    address: `${url.hostname}:${port}${db ? `/${db}` : ''}`,
  };
}
