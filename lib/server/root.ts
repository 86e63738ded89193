// The server process's sampler and the stores it writes (history, findings, slow log archive),
// shared with the route handlers.
import { appConfig } from '@/lib/config/app-config';
import { FindingsStore } from '@/lib/health/findings-store';
import { HistoryStore } from '@/lib/history/history-store';
import { appRegistry } from '@/lib/redis/app-registry';
import { SlowlogArchive } from '@/lib/slowlog/archive';
import { appStore } from '@/lib/store/app-store';
import { storeRetention } from './retention-tasks';
import { Sampler } from './sampler';

interface AppHistory {
  history: HistoryStore;
  findings: FindingsStore;
  slowlog: SlowlogArchive;
  sampler: Sampler;
}

const holder = globalThis as typeof globalThis & { __redlensHistory?: AppHistory };

export function appHistory(): AppHistory {
  if (!holder.__redlensHistory) {
    const config = appConfig();
    const history = new HistoryStore(appStore(), config.retention);
    const findings = new FindingsStore(appStore());
    const slowlog = new SlowlogArchive(appStore());
    const retention = storeRetention(appStore(), { history, findings, slowlog }, config.retention);
    const sampler = new Sampler({ instances: () => appRegistry().list(), history, findings, slowlog, config, retention });
    holder.__redlensHistory = { history, findings, slowlog, sampler };
  }
  return holder.__redlensHistory;
}

/** Starts sampling every instance; called once when the server starts. */
export function startAppSampler(): void {
  appHistory().sampler.start();
}
