import { Inject, Injectable } from '@nestjs/common';
import { KABAR_CONFIG } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { AccountsRepository } from '@kabar/accounts';
import { PlatformError, PublishResult, isPlatformError } from '@kabar/platforms';
import { Notifier } from '../notifications/notifier.service';
import { AttemptsRepository } from '../targets/attempts.repository';
import { ClaimedTarget, ErrorClass } from '../targets/target-row';
import { TargetsRepository, TargetRef } from '../targets/targets.repository';
import { DEFAULT_RETRY, RetryPolicyConfig, decideRetry } from './retry-policy';
import { PostRollup } from './post-rollup';

/** Writes what a try came to: the attempt, the target's next state, the people to tell, the post's roll-up. */
@Injectable()
export class OutcomeRecorder {
  private readonly policy: RetryPolicyConfig;

  constructor(
    @Inject(KABAR_CONFIG) config: KabarConfig,
    private readonly targets: TargetsRepository,
    private readonly attempts: AttemptsRepository,
    private readonly accounts: AccountsRepository,
    private readonly notifier: Notifier,
    private readonly rollup: PostRollup,
  ) {
    this.policy = { ...DEFAULT_RETRY, maxAttempts: config.publishMaxAttempts };
  }

  /** The post's status follows its targets (batched). */
  touchPost(postId: string): void {
    this.rollup.touch(postId);
  }

  async published(t: ClaimedTarget, attemptId: string | null, result: PublishResult, how: 'published' | 'reconciled'): Promise<void> {
    const moved = await this.targets.markPublished(t.id, result.externalId, result.url, attemptId ? { id: attemptId, outcome: how } : undefined);
    // Not movable (a manual edit meanwhile): the attempt still records what the platform did.
    if (!moved && attemptId) await this.attempts.finish(attemptId, { outcome: how, httpStatus: how === 'published' ? 200 : null });
    this.rollup.touch(t.postId);
  }

  /** A try that threw: classified, then retried, held or failed by class. */
  async failedTry(t: ClaimedTarget, attemptId: string | null, worker: string, err: unknown, opts: { reconciling?: boolean } = {}): Promise<void> {
    const e: PlatformError | null = isPlatformError(err) ? err : null;
    // Anything else thrown after the request left (a bug, a lost DB connection) might have posted: reconcile first.
    const kind: ErrorClass = e?.kind ?? 'unknown_outcome';
    const message = e?.platformMessage ?? e?.message ?? (err instanceof Error ? err.message : String(err));
    const decision = decideRetry(kind, t.attemptCount, this.policy, { retryAt: e?.retryAt });
    const outcome = decision.action === 'retry' || decision.action === 'reconcile' ? 'retry' : 'failed';
    if (attemptId) await this.attempts.finish(attemptId, { outcome, httpStatus: e?.httpStatus ?? null, errorClass: kind, platformMessage: message });
    // An answer from the platform means nothing was posted; a lost answer, or a failed look-up, owes a reconciliation.
    const definite = kind !== 'unknown_outcome' && !opts.reconciling;
    if (decision.action === 'retry' || decision.action === 'reconcile') {
      await this.targets.scheduleRetry(t.id, worker, decision.at, kind, message, definite);
    } else if (decision.action === 'hold') {
      if (await this.targets.markHeld(t.id, worker, kind, message, definite)) await this.accountNeedsReconnect(t, message);
    } else {
      await this.fail(t, worker, kind, message, definite);
    }
    this.rollup.touch(t.postId);
  }

  /** The account cannot publish (disabled, needs reconnect): the target waits, held. */
  async held(t: ClaimedTarget, worker: string): Promise<void> {
    await this.targets.markHeld(t.id, worker, null, null);
    this.rollup.touch(t.postId);
  }

  /** Nothing to publish (no variant in the target's language): failed, the author told. */
  async noContent(t: ClaimedTarget, worker: string): Promise<void> {
    await this.fail(t, worker, 'rejected', 'no text for this language');
    this.rollup.touch(t.postId);
  }

  /** publishing → failed; when this call moved it, the author and the unit's admins are told why. */
  private async fail(t: ClaimedTarget, worker: string, kind: ErrorClass, message: string, definite = true): Promise<void> {
    const moved = await this.targets.markFailed(t.id, worker, kind, message, definite);
    if (!moved) return;
    await this.notifier.notify({
      kind: 'target_failed',
      unitId: t.unitId,
      postId: t.postId,
      targetId: t.id,
      accountId: t.accountId,
      authorId: t.authorId,
      reason: message,
      occurrence: t.attemptCount,
    });
  }

  /** Targets that fell due too long ago (no worker ran): their authors and admins are told. */
  async missed(refs: TargetRef[]): Promise<void> {
    for (const r of refs) {
      this.rollup.touch(r.postId);
      const info = await this.targets.findById(r.id);
      if (info)
        await this.notifier.notify({
          kind: 'target_missed',
          unitId: info.unitId,
          postId: r.postId,
          targetId: r.id,
          accountId: r.accountId,
          authorId: info.authorId,
          occurrence: info.version,
        });
    }
  }

  /** Targets held because their account is disabled or needs reconnecting. */
  heldRefs(refs: TargetRef[]): void {
    for (const r of refs) this.rollup.touch(r.postId);
  }

  /** Targets still unpublished long after their time: their unit's admins are told, once. */
  async stuck(refs: Array<TargetRef & { reason: string }>): Promise<void> {
    for (const r of refs) {
      this.rollup.touch(r.postId);
      const info = await this.targets.findById(r.id);
      if (info)
        await this.notifier.notify({ kind: 'target_stuck', unitId: info.unitId, postId: r.postId, targetId: r.id, accountId: r.accountId, reason: r.reason });
    }
  }

  /** The platform refused the token: the account needs reconnecting, its pending targets wait, its admins are told once. */
  private async accountNeedsReconnect(t: ClaimedTarget, reason: string): Promise<void> {
    const changed = await this.accounts.markNeedsReconnect(t.accountId, reason.slice(0, 1000));
    const held = await this.targets.holdAccount(t.accountId);
    for (const h of held) this.rollup.touch(h.postId);
    if (changed)
      await this.notifier.notify({
        kind: 'account_needs_reconnect',
        unitId: await this.accountUnit(t),
        accountId: t.accountId,
        reason,
        occurrence: Date.now(),
      });
  }

  private async accountUnit(t: ClaimedTarget): Promise<string> {
    return (await this.accounts.findById(t.accountId))?.unitId ?? t.unitId;
  }
}
