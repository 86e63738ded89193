// Where the e2e servers are: the port of the app and the Redis servers serve.mjs started.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RedisServer } from '../../scripts/lib/redis-server.mjs';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3217);
// Playwright compiles specs to CommonJS: __dirname, not import.meta.
export const STATE_FILE = path.join(__dirname, '..', '..', '.e2e', 'state.json');

export interface E2eState {
  main: RedisServer;
  second: RedisServer;
  /** The e2e Redis Cluster (instance id `e2e-cluster`): 3 masters and 3 replicas. */
  cluster: { nodes: RedisServer[]; ports: number[] };
}

export function readState(): E2eState {
  return JSON.parse(readFileSync(STATE_FILE, 'utf8')) as E2eState;
}
