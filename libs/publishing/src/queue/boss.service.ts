import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { DATABASE_URL } from '@kabar/database';
import { QUEUES } from './publishing.queue';

const PUBLISH_QUEUE_OPTIONS: QueueOptions = { policy: 'standard', retryLimit: 3, retryDelay: 5, expireInSeconds: 900 };

export type QueueOptions = Omit<PgBoss.Queue, 'name'>;

/**
 * The pg-boss instance of a worker process (same PostgreSQL, schema `pgboss`), shared by every context's
 * consumers through QueueModule; a context creates its own queues with ensureQueue.
 */
@Injectable()
export class BossService implements OnApplicationShutdown {
  private readonly logger = new Logger('publishing.queue');
  private boss: PgBoss | undefined;
  private starting: Promise<PgBoss> | undefined;

  constructor(@Inject(DATABASE_URL) private readonly url: string) {}

  /** Started on first use, so the API process (which never uses it) opens no queue connections. */
  get(): Promise<PgBoss> {
    this.starting ??= this.start();
    return this.starting;
  }

  private async start(): Promise<PgBoss> {
    const boss = new PgBoss({ connectionString: this.url, max: 4, application_name: 'kabar-queue', schedule: false, supervise: true, migrate: true });
    boss.on('error', (e: Error) => this.logger.warn(`pg-boss: ${e.message}`));
    await boss.start();
    for (const name of Object.values(QUEUES)) await this.createQueue(boss, name, PUBLISH_QUEUE_OPTIONS);
    this.boss = boss;
    return boss;
  }

  /** Creates the queue unless it exists (its options are the defaults of the jobs inserted without their own). */
  async ensureQueue(name: string, options: QueueOptions): Promise<void> {
    await this.createQueue(await this.get(), name, options);
  }

  /** Several workers starting together race to create the queue (and can deadlock inside pg-boss): retry. */
  private async createQueue(boss: PgBoss, name: string, options: QueueOptions): Promise<void> {
    for (let i = 0; ; i++) {
      try {
        if (!(await boss.getQueue(name))) await boss.createQueue(name, { ...options, name });
        return;
      } catch (e) {
        if (i >= 8) throw e;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 400));
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.starting) return;
    const boss = await this.starting.catch(() => undefined);
    await boss?.stop({ graceful: true, wait: true, timeout: 5_000 }).catch((e: Error) => this.logger.warn(`pg-boss stop: ${e.message}`));
    this.boss = undefined;
  }
}
