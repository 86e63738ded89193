// The composition root: the server process's long-lived objects (configuration, store, auth,
// Redis registry, history, findings, events, slow log archive, sampler, job runner, webhook
// deliveries), each built once on first use
// (never at module load: `next build` evaluates route modules) and handed out by name.
// Kept on one globalThis slot so dev-mode reloads reuse them instead of leaking connections.
// A new long-lived object (like the job runner) is one more getter here; tests forget them all by
// deleting the slot (test/app-env.ts).
import 'server-only';
import type { StoreStatus } from '@/lib/api/types';
import { buildAuthContext, type AuthContext } from '@/lib/auth/auth-context';
import { StoredSessions } from '@/lib/auth/session-registry';
import { loadConfig } from '@/lib/config/load';
import type { RedlensConfig } from '@/lib/config/schema';
import { FindingAlerts } from '@/lib/delivery/alerts';
import { SentReports } from '@/lib/delivery/sent-reports';
import { WebhookQueue } from '@/lib/delivery/webhook';
import { fleetMarkdownOf, ReportDelivery, reportRetryDelayMs } from '@/lib/delivery/weekly';
import { EventsStore } from '@/lib/events/events-store';
import { FindingsStore } from '@/lib/health/findings-store';
import { HistoryStore } from '@/lib/history/history-store';
import { JobRunner } from '@/lib/jobs/runner';
import { Registry } from '@/lib/redis/registry';
import { storeRetention } from '@/lib/sampler/retention-tasks';
import { Sampler } from '@/lib/sampler/sampler';
import { SlowlogArchive } from '@/lib/slowlog/archive';
import { SlowlogResetMarks } from '@/lib/slowlog/reset-marks';
import { openStore, type Store } from '@/lib/store/sqlite';
import { currentStoreHealth, StoreHealth, watchStore } from '@/lib/store/store-health';

class Server {
  #config?: RedlensConfig;
  #store?: Store;
  #auth?: Promise<AuthContext>;
  #registry?: Registry;
  #history?: HistoryStore;
  #findings?: FindingsStore;
  #events?: EventsStore;
  #slowlog?: SlowlogArchive;
  #sampler?: Sampler;
  #jobs?: JobRunner;
  #sentReports?: SentReports;
  #reportDelivery?: ReportDelivery | null;
  #alerts?: FindingAlerts | null;

  /** Read from the environment once. */
  get config(): RedlensConfig {
    this.#config ??= loadConfig(process.env);
    return this.#config;
  }

  /** Opened in the configured data directory, and watched for faults (store-health.ts) from then on. */
  get store(): Store {
    if (!this.#store) {
      const dataDir = this.config.dataDir;
      const store = openStore(dataDir);
      this.#store = store;
      watchStore(new StoreHealth(store, dataDir));
    }
    return this.#store;
  }

  /** The store's state for the admin banner: a fresh look at the file system, never a write. */
  storeStatus(): StoreStatus {
    try {
      void this.store;
    } catch (error) {
      return { ok: false, problem: `The store cannot be opened: ${error instanceof Error ? error.message : String(error)}` };
    }
    return currentStoreHealth()?.check({ probeWrite: false }) ?? { ok: true };
  }

  /**
   * Built once: hashing env passwords takes a few ms each. A failed build is forgotten, so the
   * next request tries again; `announce` prints a generated admin password (at start only).
   */
  auth(announce?: (password: string) => void): Promise<AuthContext> {
    this.#auth ??= buildAuthContext(this.config, process.env, announce, new StoredSessions(this.store)).catch((error: unknown) => {
      this.#auth = undefined;
      throw error;
    });
    return this.#auth;
  }

  /** One client per configured instance. */
  get registry(): Registry {
    this.#registry ??= new Registry(this.config.instances);
    return this.#registry;
  }

  get history(): HistoryStore {
    this.#history ??= new HistoryStore(this.store, this.config.retention);
    return this.#history;
  }

  get findings(): FindingsStore {
    this.#findings ??= new FindingsStore(this.store);
    return this.#findings;
  }

  get events(): EventsStore {
    this.#events ??= new EventsStore(this.store);
    return this.#events;
  }

  get slowlog(): SlowlogArchive {
    this.#slowlog ??= new SlowlogArchive(this.store);
    return this.#slowlog;
  }

  /**
   * Long work (keyspace analysis, ...), one job per instance and kind. Built once: building it marks
   * the jobs an earlier Redlens left running as interrupted.
   */
  get jobs(): JobRunner {
    this.#jobs ??= new JobRunner(this.store);
    return this.#jobs;
  }

  /** The weekly reports sent to the webhook. Built once: building it marks a delivery cut short by a restart as failed. */
  get sentReports(): SentReports {
    if (!this.#sentReports) {
      this.#sentReports = new SentReports(this.store);
      this.#sentReports.markInterrupted();
    }
    return this.#sentReports;
  }

  /** The weekly report's delivery (the config's `reports`), started at server start; null when not configured. */
  get reportDelivery(): ReportDelivery | null {
    if (this.#reportDelivery === undefined) {
      const schedule = this.config.reports;
      this.#reportDelivery = schedule && new ReportDelivery({
        schedule, sent: this.sentReports, queue: new WebhookQueue({ name: 'weekly report', retryDelayMs: reportRetryDelayMs }),
        markdownOf: fleetMarkdownOf(this, () => this.registry.list(), this.config),
      });
    }
    return this.#reportDelivery;
  }

  /** Finding alerts to REDLENS_ALERT_WEBHOOK; null when it is unset. */
  get alerts(): FindingAlerts | null {
    if (this.#alerts === undefined) {
      const url = this.config.alertWebhook;
      this.#alerts = url === null ? null : new FindingAlerts(url, new WebhookQueue({ name: 'finding alerts' }), (id) => this.registry.get(id)?.name ?? id);
    }
    return this.#alerts;
  }

  /** Samples every instance into history, findings and the slow log archive; started once at server start. */
  get sampler(): Sampler {
    if (!this.#sampler) {
      const { config, store, history, findings, events, slowlog } = this;
      const retention = storeRetention(store, { history, findings, events, slowlog }, config.retention);
      const slowlogResets = new SlowlogResetMarks(store);
      const alerts = this.alerts;
      this.#sampler = new Sampler({
        instances: () => this.registry.list(), history, findings, events, slowlog, slowlogResets, config, retention,
        ...(alerts && { onFindings: alerts.findings.bind(alerts) }),
      });
    }
    return this.#sampler;
  }
}

const slot = globalThis as typeof globalThis & { __redlensServer?: Server };

/** The server's objects; each is built when first asked for. */
export function server(): Server {
  slot.__redlensServer ??= new Server();
  return slot.__redlensServer;
}
