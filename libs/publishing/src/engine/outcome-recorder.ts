import { Inject, Injectable } from '@nestjs/common';
import { KABAR_CONFIG } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { AccountHealth } from '@kabar/accounts';
import { PlatformError, PublishResult, isPlatformError } from '@kabar/platforms';
import { Notifier } from '../notifications/notifier.service';
import { ClaimsRepository } from '../targets/claims.repository';
import { ClaimedTarget, ErrorClass } from '../targets/target-row';
import { TargetsRepository, TargetRef } from '../targets/targets.repository';
import { DEFAULT_RETRY, RetryPolicyConfig, backoffMs, decideRetry } from './retry-policy';
import { PostRollup } from './post-rollup';
import type { ProcessResult } from './publisher.service';

interface ErrorFacts {
  kind: ErrorClass;
  message: string;
  httpStatus: number | null;
  retryAt?: Date;
}

/**
 * "Duplicate content" (X refuses the same text twice) says the post is already there: after a lost answer that
 * is evidence, not a refusal, so the platform is checked rather than the target failed.
 */
const SAYS_ALREADY_POSTED = new Set(['duplicate_content']);

function facts(err: unknown): ErrorFacts {
  const e: PlatformError | null = isPlatformError(err) ? err : null;
  const already = e?.platformCode !== undefined && SAYS_ALREADY_POSTED.has(String(e.platformCode));
  return {
    // Anything else thrown once the request may have left (a bug, a lost connection) might have posted.
    kind: already ? 'unknown_outcome' : (e?.kind ?? 'unknown_outcome'),
    message: e?.platformMessage ?? e?.message ?? (err instanceof Error ? err.message : String(err)),
    httpStatus: e?.httpStatus ?? null,
    retryAt: e?.retryAt,
  };
}

/** Writes what a try or a check came to: the attempt, the target's next state (under the claim's token), who to tell. */
@Injectable()
export class OutcomeRecorder {
  private readonly policy: RetryPolicyConfig;

  constructor(
    @Inject(KABAR_CONFIG) private readonly config: KabarConfig,
    private readonly claims: ClaimsRepository,
    private readonly targets: TargetsRepository,
    private readonly accounts: AccountHealth,
    private readonly notifier: Notifier,
    private readonly rollup: PostRollup,
  ) {
    this.policy = { ...DEFAULT_RETRY, maxAttempts: config.publishMaxAttempts };
  }

  /** The post's status follows its targets (batched). */
  touchPost(postId: string): void {
    this.rollup.touch(postId);
  }

  /**
   * The platform holds the post (a send's answer, or a check's find): published. If another target of the
   * account already holds that platform post, this one is not adopted twice: a person decides.
   */
  async adopt(
    t: ClaimedTarget,
    token: string,
    attemptId: string,
    post: PublishResult,
    how: 'published' | 'reconciled',
    detail?: string,
  ): Promise<ProcessResult> {
    const r = await this.claims.published(t.id, token, attemptId, post, how);
    this.rollup.touch(t.postId);
    if (r === 'ok') return how;
    if (r === 'conflict') {
      await this.unconfirmedNow(t, token, 'match_taken', detail ?? post.externalId);
      return 'unconfirmed';
    }
    // Fenced: the claim was taken over; the attempt keeps the id, which the next holder adopts first.
    return 'skipped';
  }

  /** A send that threw: a lost answer owes a check; a definite answer is retried, held or failed by class. */
  async failedTry(t: ClaimedTarget, token: string, attemptId: string, err: unknown, checkDelayMs: number): Promise<void> {
    try {
      await this.recordFailedTry(t, token, attemptId, err, checkDelayMs);
    } finally {
      this.rollup.touch(t.postId); // after the move: a roll-up must read the new state
    }
  }

  private async recordFailedTry(t: ClaimedTarget, token: string, attemptId: string, err: unknown, checkDelayMs: number): Promise<void> {
    const f = facts(err);
    if (f.kind === 'unknown_outcome') {
      await this.claims.finishAttempt(attemptId, { outcome: 'unknown', httpStatus: f.httpStatus, errorClass: f.kind, message: f.message });
      await this.claims.unknown(t.id, token, new Date(Date.now() + checkDelayMs), f.message);
      return;
    }
    const decision = decideRetry(f.kind as Exclude<ErrorClass, 'unknown_outcome'>, t.attemptCount, this.policy, { retryAt: f.retryAt });
    const outcome = decision.action === 'retry' ? 'retry' : 'failed';
    await this.claims.finishAttempt(attemptId, { outcome, httpStatus: f.httpStatus, errorClass: f.kind, message: f.message });
    // The platform answered: nothing was posted by this try (and it was only sent once earlier tries were settled).
    if (decision.action === 'retry') await this.claims.retry(t.id, token, decision.at, f.kind, f.message, true);
    else if (decision.action === 'hold') {
      if (await this.claims.held(t.id, token, f.kind, f.message, true)) await this.accountNeedsReconnect(t, f.message);
    } else await this.fail(t, token, f.kind, f.message);
  }

  /** The platform could not be asked whether an earlier try posted: ask again later; never send meanwhile. */
  async checkFailed(t: ClaimedTarget, token: string, attemptId: string, err: unknown): Promise<void> {
    try {
      await this.recordCheckFailed(t, token, attemptId, err);
    } finally {
      this.rollup.touch(t.postId);
    }
  }

  private async recordCheckFailed(t: ClaimedTarget, token: string, attemptId: string, err: unknown): Promise<void> {
    const f = facts(err);
    await this.claims.finishAttempt(attemptId, { outcome: 'retry', httpStatus: f.httpStatus, errorClass: f.kind, message: f.message });
    if (f.kind === 'auth') {
      // Held, still owing the check, until the account is reconnected.
      if (await this.claims.held(t.id, token, f.kind, f.message, false)) await this.accountNeedsReconnect(t, f.message);
      return;
    }
    if (f.kind === 'rate_limited') {
      await this.claims.pending(t.id, token, f.retryAt ?? new Date(Date.now() + backoffMs(t.attemptCount, this.policy)));
      return;
    }
    if (t.attemptCount >= this.policy.maxAttempts) {
      await this.unconfirmedNow(t, token, 'check_failed', f.message);
      return;
    }
    await this.claims.retry(t.id, token, new Date(Date.now() + backoffMs(t.attemptCount, this.policy)), f.kind, f.message, false);
  }

  /** Nobody can tell whether the post exists: unconfirmed, shown to the unit's admins and the author, who decide. */
  async unconfirmed(t: ClaimedTarget, token: string, attemptId: string, reason: string, detail?: string): Promise<void> {
    await this.claims.finishAttempt(attemptId, { outcome: 'unconfirmed', errorClass: 'unknown_outcome', message: detail ?? reason });
    await this.unconfirmedNow(t, token, reason, detail ?? null);
  }

  private async unconfirmedNow(t: ClaimedTarget, token: string, reason: string, detail: string | null): Promise<void> {
    const moved = await this.claims.unconfirmed(t.id, token, reason, detail);
    this.rollup.touch(t.postId);
    if (moved)
      await this.notifier.notify({
        kind: 'target_unconfirmed',
        unitId: t.unitId,
        postId: t.postId,
        targetId: t.id,
        accountId: t.accountId,
        authorId: t.authorId,
        reason,
        occurrence: t.version,
      });
  }

  /** The account cannot publish (disabled, needs reconnect): the target waits, held, still owing any check. */
  async held(t: ClaimedTarget, token: string): Promise<void> {
    await this.claims.held(t.id, token, null, null, false);
    this.rollup.touch(t.postId);
  }

  /** Nothing to publish (no variant in the target's language): failed, the author told. */
  async noContent(t: ClaimedTarget, token: string): Promise<void> {
    await this.fail(t, token, 'rejected', 'no text for this language');
    this.rollup.touch(t.postId);
  }

  /** A target whose tries keep ending with their worker (killed, out of memory): failed with that reason. */
  async exhausted(t: ClaimedTarget, token: string): Promise<void> {
    await this.fail(t, token, 'transient', 'worker_crashed');
    this.rollup.touch(t.postId);
  }

  /** A job whose target was not claimable: it may be too late (missed) or its account unusable (held). */
  async explainUnclaimable(targetId: string): Promise<void> {
    const missed = await this.targets.markMissed(this.config.publishGraceMs, 1, targetId);
    if (missed.length) {
      await this.missed(missed);
      return;
    }
    const held = await this.targets.holdForInactiveAccounts(60_000, 1, { targetId });
    if (held.length) this.heldRefs(held);
  }

  /** publishing → failed; when this call moved it, the author and the unit's admins are told why. */
  private async fail(t: ClaimedTarget, token: string, kind: ErrorClass, message: string): Promise<void> {
    const moved = await this.claims.failed(t.id, token, kind, message);
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

  /** Targets whose state moved outside a claim (held, resumed, requeued): their posts roll up. */
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
    const changed = await this.accounts.markNeedsReconnect(t.accountId, reason);
    const held = await this.targets.holdAccount(t.accountId);
    for (const h of held) this.rollup.touch(h.postId);
    if (changed)
      await this.notifier.notify({
        kind: 'account_needs_reconnect',
        unitId: (await this.accounts.unitOf(t.accountId)) ?? t.unitId,
        accountId: t.accountId,
        reason,
        occurrence: Date.now(),
      });
  }
}
