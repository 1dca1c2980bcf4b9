import { Inject, Injectable, Logger } from '@nestjs/common';
import { KABAR_CONFIG } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { TargetsRepository } from '../targets/targets.repository';
import { PublisherService } from './publisher.service';

/**
 * Targets left in publishing by a worker that died (its lease ran out without renewal) are taken over
 * and reconciled: the platform is asked for the post before anything is sent again.
 */
@Injectable()
export class ReaperService {
  private readonly logger = new Logger('publishing.reaper');

  constructor(
    @Inject(KABAR_CONFIG) private readonly config: KabarConfig,
    private readonly targets: TargetsRepository,
    private readonly publisher: PublisherService,
  ) {}

  async reap(): Promise<number> {
    const expired = await this.targets.claimExpired(this.publisher.worker, this.config.publishLeaseMs, 50);
    if (expired.length) this.logger.warn(`reconciling ${expired.length} target(s) whose worker stopped mid-publish`);
    await Promise.all(expired.map((t) => this.publisher.processExpired(t)));
    return expired.length;
  }

  /** Renews the leases of this process's targets (lease/3), so only dead workers' targets expire. */
  async heartbeat(): Promise<void> {
    await this.targets.renewLeases(this.publisher.inFlight.ids(), this.publisher.worker, this.config.publishLeaseMs);
  }
}
