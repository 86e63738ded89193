// Stops the e2e Redis servers by the pids in .e2e/state.json, whatever happened to the web server.
import { existsSync } from 'node:fs';
import { stopRedis } from '../../scripts/lib/redis-server.mjs';
import { readState, STATE_FILE } from './state';

export default async function globalTeardown() {
  if (!existsSync(STATE_FILE)) return;
  const { main, second } = readState();
  await Promise.all([main, second].map((server) => stopRedis(server)));
}
