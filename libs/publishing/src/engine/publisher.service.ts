import { Inject, Injectable, Logger } from '@nestjs/common';
import { KABAR_CONFIG } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { PublishContent, composeText, contentFingerprint, matchesFingerprint } from '@kabar/platforms';
import { ClaimedTarget } from '../targets/target-row';
import { TargetsRepository } from '../targets/targets.repository';
import { AttemptsRepository } from '../targets/attempts.repository';
import { InFlight } from './in-flight';
import { OutcomeRecorder } from './outcome-recorder';
import { PlatformGateway } from './platform-gateway';
import { PublishContentLoader } from './publish-content.loader';
import { WORKER_ID } from './worker-identity';

/** How far before the first try's start reconciliation looks (clock skew between us and the platform). */
const RECONCILE_MARGIN_MS = 2 * 60_000;

export type ProcessResult = 'published' | 'reconciled' | 'retry' | 'skipped' | 'other';

/**
 * Publishes one claimed target: reconcile first when an earlier try may have posted, record the attempt
 * before calling the platform, then let OutcomeRecorder move the target on.
 */
@Injectable()
export class PublisherService {
  private readonly logger = new Logger('publishing.publisher');
  readonly inFlight = new InFlight();
  readonly worker = WORKER_ID;

  constructor(
    @Inject(KABAR_CONFIG) private readonly config: KabarConfig,
    private readonly targets: TargetsRepository,
    private readonly attempts: AttemptsRepository,
    private readonly content: PublishContentLoader,
    private readonly gateway: PlatformGateway,
    private readonly outcomes: OutcomeRecorder,
  ) {}

  /** A queue job: claim the target if it is still due and publish it. Idempotent: a second delivery finds nothing to claim. */
  async processJob(targetId: string): Promise<ProcessResult> {
    const t = await this.targets.claim(targetId, this.worker, this.config.publishLeaseMs, this.config.publishGraceMs);
    if (!t) {
      await this.explainUnclaimable(targetId);
      return 'skipped';
    }
    return this.run(t, t.needsReconcile);
  }

  /** A target taken over from a dead worker: never posted again before the platform is asked. */
  async processExpired(t: ClaimedTarget): Promise<ProcessResult> {
    await this.attempts.abandonOpen(t.id);
    return this.run(t, true);
  }

  private async run(t: ClaimedTarget, reconcileFirst: boolean): Promise<ProcessResult> {
    this.inFlight.add(t.id);
    this.outcomes.touchPost(t.postId);
    try {
      if (t.accountStatus !== 'active') {
        await this.outcomes.held(t, this.worker);
        return 'other';
      }
      const content = this.content.fromClaim(t);
      if (!content) {
        await this.outcomes.noContent(t, this.worker);
        return 'other';
      }
      if (reconcileFirst) {
        const found = await this.reconcile(t, content);
        if (found !== 'absent') return found;
      }
      return await this.send(t, content);
    } catch (e) {
      this.logger.error(`target ${t.id}: ${(e as Error).stack ?? String(e)}`);
      return 'other';
    } finally {
      this.inFlight.remove(t.id);
    }
  }

  /** Asks the platform whether an earlier try already posted this text. */
  private async reconcile(t: ClaimedTarget, content: PublishContent): Promise<'absent' | ProcessResult> {
    const text = composeText(content);
    const first = (await this.attempts.firstStartedAt(t.id)) ?? new Date(Date.now() - 60 * 60_000);
    try {
      const recent = await this.gateway.findRecent(t, new Date(first.getTime() - RECONCILE_MARGIN_MS));
      const match = recent.find((p) => matchesFingerprint(p.text, text));
      if (!match) return 'absent';
      const attempt = await this.attempts.start(t.id, this.worker);
      await this.outcomes.published(t, attempt.id, { externalId: match.externalId, url: match.url }, 'reconciled');
      return 'reconciled';
    } catch (e) {
      // Could not ask: try again later, still reconciling first (never post blind).
      const attempt = await this.attempts.start(t.id, this.worker);
      await this.outcomes.failedTry(t, attempt.id, this.worker, e, { reconciling: true });
      return 'retry';
    }
  }

  private async send(t: ClaimedTarget, content: PublishContent): Promise<ProcessResult> {
    await this.gateway.ready(t);
    const started = await this.targets.startAttempt(t.id, this.worker, contentFingerprint(composeText(content)));
    if (!started) return 'skipped';
    this.inFlight.sending(t.id);
    let result;
    try {
      result = await this.gateway.publish(t, content);
    } catch (e) {
      await this.outcomes.failedTry(t, started.attemptId, this.worker, e);
      return 'retry';
    }
    await this.outcomes.published(t, started.attemptId, result, 'published');
    return 'published';
  }

  /** A job whose target was not claimable: it may be too late (missed) or its account unusable (held). */
  private async explainUnclaimable(targetId: string): Promise<void> {
    const missed = await this.targets.markMissed(this.config.publishGraceMs, 1, targetId);
    if (missed.length) {
      await this.outcomes.missed(missed);
      return;
    }
    const held = await this.targets.holdForInactiveAccounts(60_000, 1, { targetId });
    if (held.length) this.outcomes.heldRefs(held);
  }
}
