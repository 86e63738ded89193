export interface RedisServer {
  port: number;
  pid: number;
  dir: string;
  pidFile: string;
  argv: string[];
}
export function freePort(preferred?: number): Promise<number>;
export function rawCommand(port: number, command: string, timeoutMs?: number): Promise<string>;
export function startRedis(options: { dir: string; port?: number; password?: string; args?: string[]; conf?: string }): Promise<RedisServer>;
export function launch(server: RedisServer): Promise<RedisServer>;
export function stopRedis(server: RedisServer, options?: { removeDir?: boolean }): Promise<void>;
export function stopRedisSync(server: RedisServer): void;
export function hasRedisServer(): boolean;
