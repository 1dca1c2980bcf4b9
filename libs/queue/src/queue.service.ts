import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { EntityManager } from 'typeorm';
import { DATABASE_URL } from '@kabar/database';
import { JobKind, NewJob, QueueOptions } from './job-kind';

/**
 * The pg-boss instance of a process (same PostgreSQL, schema `pgboss`), shared by every context: queues are
 * created from their job kinds before the first insert (pg-boss silently drops jobs for a queue that does not
 * exist), and jobs can be inserted inside the caller's transaction, so a state change and its job commit together.
 */
@Injectable()
export class QueueService implements OnApplicationShutdown {
  private readonly logger = new Logger('queue');
  private starting: Promise<PgBoss> | undefined;
  private readonly ensured = new Set<string>();

  constructor(@Inject(DATABASE_URL) private readonly url: string) {}

  /** Started on first use, so a process that never uses it (the API) opens no queue connections. */
  get(): Promise<PgBoss> {
    this.starting ??= this.start();
    return this.starting;
  }

  private async start(): Promise<PgBoss> {
    const boss = new PgBoss({ connectionString: this.url, max: 4, application_name: 'kabar-queue', schedule: false, supervise: true, migrate: true });
    boss.on('error', (e: Error) => this.logger.warn(`pg-boss: ${e.message}`));
    await boss.start();
    return boss;
  }

  /** Creates the kind's queue unless it exists (its options are the defaults of the jobs inserted without their own). */
  async ensure(kind: JobKind<unknown>): Promise<void> {
    if (this.ensured.has(kind.name)) return;
    await this.createQueue(await this.get(), kind.name, kind.options);
    this.ensured.add(kind.name);
  }

  /**
   * Inserts jobs of one kind; with `tx`, inside the caller's transaction (they exist only if it commits).
   * Jobs with an id already taken are skipped (deterministic ids make producers idempotent).
   */
  async enqueue<T>(kind: JobKind<T>, jobs: Array<NewJob<T>>, tx?: EntityManager): Promise<void> {
    if (!jobs.length) return;
    await this.ensure(kind);
    const boss = await this.get();
    const rows: PgBoss.JobInsert[] = jobs.map((j) => ({
      name: kind.name,
      data: j.data as object,
      ...(j.id ? { id: j.id } : {}),
      ...(j.startAfter ? { startAfter: j.startAfter.toISOString() } : {}),
      ...(j.retryDelay !== undefined ? { retryDelay: j.retryDelay } : {}),
      ...(j.retryLimit !== undefined ? { retryLimit: j.retryLimit } : {}),
      ...(j.singletonKey ? { singletonKey: j.singletonKey } : {}),
    }));
    if (tx) await boss.insert(rows, { db: { executeSql: async (text, values) => ({ rows: (await tx.query(text, values)) as any[] }) } });
    else await boss.insert(rows);
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
  }
}
