import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { KABAR_CONFIG } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { PublishConsumer } from '../queue/publish.consumer';
import { DispatcherService } from './dispatcher.service';
import { ReaperService } from './reaper.service';

/**
 * Starts and stops the worker's publishing: at start one dispatcher pass (targets that fell due while no
 * worker ran are published or marked missed), then the periodic pass and the lease heartbeat (the publish
 * handler runs on the shared queue).
 */
@Injectable()
export class PublishingLoop implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('publishing.loop');
  private tickTimer: NodeJS.Timeout | undefined;
  private beatTimer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private stopped = false;

  constructor(
    @Inject(KABAR_CONFIG) private readonly config: KabarConfig,
    private readonly dispatcher: DispatcherService,
    private readonly reaper: ReaperService,
    private readonly consumer: PublishConsumer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.tick(true);
    this.tickTimer = setInterval(() => void this.tick(), this.config.publishDispatchIntervalMs);
    this.beatTimer = setInterval(
      () => void this.reaper.heartbeat().catch((e: Error) => this.logger.warn(`heartbeat: ${e.message}`)),
      Math.max(500, Math.floor(this.config.publishLeaseMs / 3)),
    );
  }

  private tick(boot = false): Promise<void> {
    if (this.ticking || this.stopped) return this.ticking ?? Promise.resolve();
    this.ticking = (async () => {
      await this.dispatcher.tick({ boot });
      await this.reaper.reap().catch((e: Error) => this.logger.warn(`reaper: ${e.message}`));
    })().finally(() => (this.ticking = undefined));
    return this.ticking;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.tickTimer);
    await this.ticking?.catch(() => undefined);
    await this.consumer.stop(this.config.shutdownGraceMs);
    // Calls still running keep their leases until this process ends (renewed, never expired early): a rolling
    // deploy never hands a target over mid-call; after the exit the lease runs out and the next holder checks first.
    if (this.consumer.callsInFlight)
      this.logger.warn(`${this.consumer.callsInFlight} platform call(s) still running at exit; their targets will be checked, not resent`);
    clearInterval(this.beatTimer);
  }
}
