import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { KABAR_CONFIG } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { PlatformRegistry } from '@kabar/platforms';
import { QueueService } from '@kabar/queue';
import { ADUAN_COLLECT_JOB, collectJobId, collectStart } from './collect.queue';

const INTERVAL_NAME = 'aduan.collect';

/**
 * Every KABAR_ADUAN_COLLECT_INTERVAL: one collection job per active account whose platform gives comments or
 * mentions (none when the interval is 0), with a deterministic id per account and period (replicas running the trigger at once enqueue it
 * once) and the account as singleton key (one worker at a time per account).
 */
@Injectable()
export class CollectTriggers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('aduan.triggers');
  private running: Promise<unknown> | undefined;

  constructor(
    @Inject(KABAR_CONFIG) private readonly config: KabarConfig,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly platforms: PlatformRegistry,
    private readonly queue: QueueService,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.ensure(ADUAN_COLLECT_JOB);
    if (this.config.aduanCollectIntervalMs === 0) return; // collection off (KABAR_ADUAN_COLLECT_INTERVAL=0)
    const every = Math.min(60_000, Math.max(500, Math.floor(this.config.aduanCollectIntervalMs / 4)));
    const timer = setInterval(() => void this.tick(), every);
    timer.unref();
    this.scheduler.addInterval(INTERVAL_NAME, timer);
    void this.tick();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.scheduler.doesExist('interval', INTERVAL_NAME)) this.scheduler.deleteInterval(INTERVAL_NAME);
    await this.running?.catch(() => undefined);
  }

  private tick(): Promise<unknown> {
    if (this.running) return this.running;
    this.running = this.enqueue()
      .catch((e: Error) => this.logger.warn(`aduan trigger: ${e.message}`))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  /** Enqueues this period's job of every active account that has comments to read; returns how many were offered. */
  async enqueue(now = Date.now()): Promise<number> {
    const interval = this.config.aduanCollectIntervalMs;
    if (interval === 0) return 0;
    const period = Math.floor(now / interval);
    const readable = this.platforms.platforms().filter((p) => {
      const caps = this.platforms.get(p).commentCapabilities;
      return caps.comments || caps.mentions;
    });
    const rows: Array<{ id: string }> = await this.ds.query(`SELECT id FROM social_accounts WHERE status = 'active' AND platform = ANY($1::varchar[])`, [
      readable,
    ]);
    await this.queue.enqueue(
      ADUAN_COLLECT_JOB,
      rows.map((r) => ({
        id: collectJobId(r.id, period),
        data: { accountId: r.id, period },
        singletonKey: r.id,
        startAfter: collectStart(r.id, period, interval),
      })),
    );
    return rows.length;
  }
}
