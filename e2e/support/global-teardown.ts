// Stops the e2e Redis servers by the pids in .e2e/state.json, whatever happened to the web server,
// and fails the run when the dashboard logged an unhandled rejection (serve.mjs collects them).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { stopRedis } from '../../scripts/lib/redis-server.mjs';
import { readState, STATE_FILE } from './state';

const UNHANDLED_LOG = path.join(path.dirname(STATE_FILE), 'unhandled-rejections.log');

export default async function globalTeardown() {
  if (existsSync(STATE_FILE)) {
    const { main, second } = readState();
    await Promise.all([main, second].map((server) => stopRedis(server)));
  }
  if (existsSync(UNHANDLED_LOG)) {
    throw new Error(`The dashboard logged unhandled rejections during the e2e run:\n${readFileSync(UNHANDLED_LOG, 'utf8').slice(0, 4000)}`);
  }
}
