import { Inject, Injectable, Logger } from '@nestjs/common';
import { KABAR_CONFIG } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { ClaimsRepository } from '../targets/claims.repository';
import { TargetsRepository } from '../targets/targets.repository';
import { OutcomeRecorder } from './outcome-recorder';
import { PublisherService } from './publisher.service';

/**
 * Targets left in publishing by a worker that died or hung (its lease ran out without renewal) are put back
 * on the schedule, due now and still owing their check: the queue hands them to a worker within its
 * concurrency, which asks the platform before anything is sent again. The dead try counts.
 */
@Injectable()
export class ReaperService {
  private readonly logger = new Logger('publishing.reaper');

  constructor(
    @Inject(KABAR_CONFIG) private readonly config: KabarConfig,
    private readonly targets: TargetsRepository,
    private readonly claims: ClaimsRepository,
    private readonly publisher: PublisherService,
    private readonly outcomes: OutcomeRecorder,
  ) {}

  async reap(): Promise<number> {
    const expired = await this.targets.requeueExpired(200);
    if (expired.length) {
      this.logger.warn(`requeued ${expired.length} target(s) whose worker stopped mid-publish; each is checked with its platform first`);
      this.outcomes.heldRefs(expired);
    }
    return expired.length;
  }

  /** Renews the leases of this process's claims (lease/3), so only dead or hung workers' targets expire. */
  async heartbeat(): Promise<void> {
    await this.claims.renew(this.publisher.inFlight.tokens(), this.config.publishLeaseMs);
  }
}
