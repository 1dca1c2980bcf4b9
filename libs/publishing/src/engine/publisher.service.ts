import { Inject, Injectable, Logger } from '@nestjs/common';
import { KABAR_CONFIG } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { CheckResult, PublishContent, PublishHandles, SERIAL_SEND_PLATFORMS, composeText, contentFingerprint } from '@kabar/platforms';
import { ClaimsRepository } from '../targets/claims.repository';
import { ClaimedTarget } from '../targets/target-row';
import { InFlight } from './in-flight';
import { OutcomeRecorder } from './outcome-recorder';
import { PlatformGateway } from './platform-gateway';
import { PublishContentLoader } from './publish-content.loader';
import { nextCheckAt } from './retry-policy';
import { WORKER_ID } from './worker-identity';

export type ProcessResult = 'published' | 'reconciled' | 'retry' | 'unconfirmed' | 'deferred' | 'skipped' | 'other';

/** How long after a lost answer the platform is first asked (listings settle; most platforms answer at once). */
const FIRST_CHECK_DELAY_MS = 3_000;
const DAY_MS = 86_400_000;

/**
 * Publishes one claimed target. A target owed a check (an earlier try may have posted) is checked with the
 * platform first and sent only when the platform proves nothing was posted; every write presents the
 * claim's token; handles the platform hands out are kept on the attempt before the next call.
 */
@Injectable()
export class PublisherService {
  private readonly logger = new Logger('publishing.publisher');
  readonly inFlight = new InFlight();
  readonly worker = WORKER_ID;

  constructor(
    @Inject(KABAR_CONFIG) private readonly config: KabarConfig,
    private readonly claims: ClaimsRepository,
    private readonly content: PublishContentLoader,
    private readonly gateway: PlatformGateway,
    private readonly outcomes: OutcomeRecorder,
  ) {}

  /** A queue job: claim the target if it is still due and publish it. Idempotent: a second delivery finds nothing to claim. */
  async processJob(targetId: string): Promise<ProcessResult> {
    const claim = await this.claims.claim(targetId, this.worker, this.config.publishLeaseMs, this.config.publishGraceMs, SERIAL_SEND_PLATFORMS);
    if (!claim) {
      await this.outcomes.explainUnclaimable(targetId);
      return 'skipped';
    }
    if ('busy' in claim) return 'deferred';
    return this.run(claim.target);
  }

  private async run(claimed: ClaimedTarget): Promise<ProcessResult> {
    let t = claimed;
    const token = t.claimToken!;
    this.inFlight.add(t.id, token);
    this.outcomes.touchPost(t.postId);
    try {
      if (t.accountStatus !== 'active') {
        await this.outcomes.held(t, token);
        return 'other';
      }
      const content = this.content.fromClaim(t);
      if (!content) {
        await this.outcomes.noContent(t, token);
        return 'other';
      }
      let handles: PublishHandles = {};
      if (t.needsReconcile) {
        const checked = await this.checkFirst(t, token, content);
        if ('result' in checked) return checked.result;
        handles = checked.handles;
        t = { ...t, attemptCount: t.attemptCount - 1 }; // the check was not a try
      }
      // Tries are counted at each claim, also those whose worker died mid-call (requeued by the reaper).
      if (t.attemptCount > this.config.publishMaxAttempts) {
        await this.outcomes.exhausted(t, token);
        return 'other';
      }
      return await this.send(t, token, content, handles);
    } catch (e) {
      // A bug or a lost database: the lease runs out and the reaper requeues the target, still owing its check.
      this.logger.error(`target ${t.id}: ${(e as Error).stack ?? String(e)}`);
      return 'other';
    } finally {
      this.inFlight.remove(t.id);
    }
  }

  /** Asks the platform whether an earlier try posted; continues to a send only when it proved nothing was. */
  private async checkFirst(t: ClaimedTarget, token: string, content: PublishContent): Promise<{ result: ProcessResult } | { handles: PublishHandles }> {
    const evidence = await this.claims.evidence(t.id);
    const started = await this.claims.startCheck(t.id, token, this.worker);
    if (!started) return { result: 'skipped' };
    const attemptId = started.attemptId;
    // A try whose answer arrived after its claim was lost kept the platform's id on its attempt: that is the post.
    if (evidence.learnt) return { result: await this.outcomes.adopt(t, token, attemptId, evidence.learnt, 'reconciled') };
    const now = new Date();
    const since = t.checkSince ?? evidence.firstSendAt ?? new Date(now.getTime() - 3_600_000);
    const lostAt = t.checkLostAt ?? now;
    const known = await this.claims.knownPosts(t.accountId, since, !!t.replyTo);
    const before = known.filter((k) => k.publishedAt < since).map((k) => k.publishedAt.getTime());
    const otherUnknown = await this.claims.otherUnknown(
      t.accountId,
      t.id,
      new Date(before.length ? Math.max(...before) : since.getTime() - DAY_MS),
      !!t.replyTo,
    );
    let res: CheckResult;
    try {
      res = await this.gateway.check(t, { content, since, lostAt, handles: evidence.handles, known, otherUnknown, now });
    } catch (e) {
      await this.outcomes.checkFailed(t, token, attemptId, e);
      return { result: 'retry' };
    }
    switch (res.state) {
      case 'found':
        return { result: await this.outcomes.adopt(t, token, attemptId, res.post, 'reconciled', res.how) };
      case 'absent':
        await this.claims.finishAttempt(attemptId, { outcome: 'absent', message: res.how, handles: res.handles });
        if (!(await this.claims.absent(t.id, token))) return { result: 'skipped' };
        return { handles: { ...evidence.handles, ...(res.handles ?? {}) } };
      case 'pending':
        if (now.getTime() - lostAt.getTime() > this.config.publishCheckWindowMs) {
          await this.outcomes.unconfirmed(t, token, attemptId, res.unknownReason ?? 'still_processing', res.how);
          return { result: 'unconfirmed' };
        }
        await this.claims.finishAttempt(attemptId, { outcome: 'pending', message: res.how });
        await this.claims.pending(t.id, token, nextCheckAt(now, lostAt, res.retryAfterMs, this.config.publishCheckWindowMs));
        return { result: 'retry' };
      case 'unknown':
        await this.outcomes.unconfirmed(t, token, attemptId, res.reason);
        return { result: 'unconfirmed' };
    }
  }

  private async send(t: ClaimedTarget, token: string, content: PublishContent, handles: PublishHandles): Promise<ProcessResult> {
    const admitted = await this.gateway.ready(t);
    if (!admitted.ok) {
      // Not a failure: the post waits for the budget (YouTube's day, a rate, a hold the platform asked for).
      await this.claims.waitForBudget(t.id, token, admitted.until, admitted.reason);
      return 'deferred';
    }
    const started = await this.claims.startSend(t.id, token, this.worker, contentFingerprint(composeText(content)));
    if (!started) return 'skipped';
    this.inFlight.sending(t.id);
    let result;
    try {
      result = await this.gateway.publish(t, content, { handles, checkpoint: (more) => this.claims.keepHandles(started.attemptId, more) });
    } catch (e) {
      await this.outcomes.failedTry(t, token, started.attemptId, e, FIRST_CHECK_DELAY_MS);
      return 'retry';
    }
    return this.outcomes.adopt(t, token, started.attemptId, result, 'published');
  }
}
