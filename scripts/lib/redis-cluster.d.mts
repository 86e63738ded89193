import type { RedisServer } from './redis-server.mjs';

export interface RedisCluster {
  nodes: RedisServer[];
  ports: number[];
}
export function startCluster(options: { dir: string; masters?: number; replicas?: number; password?: string; args?: string[] }): Promise<RedisCluster>;
export function waitForClusterOk(ports: number[], password?: string, options?: { replicas?: number; timeoutMs?: number }): Promise<void>;
export function stopCluster(cluster: RedisCluster, options?: { removeDir?: boolean }): Promise<void>;
