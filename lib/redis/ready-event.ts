// Waits for an ioredis client's next 'ready', failing on its next 'error' or after the
// connect timeout, so no request waits on a hung or refusing Redis for long.
import 'server-only';
import type Redis from 'ioredis';
import { CONNECT_TIMEOUT_MS } from './client-options';
import { RedisNotReadyError } from './errors';

export function nextReady(client: Redis): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const cleanup = () => {
      clearTimeout(timer);
      client.off('ready', onReady);
      client.off('error', onError);
    };
    const onReady = () => {
      cleanup();
      resolve();
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new RedisNotReadyError(
        `Redis did not become ready within ${CONNECT_TIMEOUT_MS / 1000} s (blocked or not answering)`,
      ));
    }, CONNECT_TIMEOUT_MS);
    client.once('ready', onReady);
    client.once('error', onError);
  });
}
