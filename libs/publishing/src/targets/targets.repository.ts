import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { postOwnerSql } from '@kabar/content';
import { rows as queryRows } from './sql';
import { DUE, TARGET_COLUMNS, TargetRow } from './target-row';

const ms = (n: number) => `(${Number(n)} * interval '1 millisecond')`;

export interface TargetRef {
  id: string;
  postId: string;
  accountId: string;
}

export interface QueuedTarget {
  id: string;
  seq: number;
  dueAt: Date;
}

/**
 * The moves of a post target outside a claim: the dispatcher's (due, missed, held, resumed, stuck, expired
 * leases), people's (retry, resolve an unconfirmed target) and the post's roll-up. Each is a conditional
 * UPDATE on the state it leaves; the moves made under a claim are ClaimsRepository's.
 */
@Injectable()
export class TargetsRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * A manual retry: failed|missed → scheduled now. Checked with the platform first only when an earlier send's
   * outcome was never settled (a missed target was never sent; a refused one posted nothing).
   */
  async requeueForRetry(targetId: string): Promise<TargetRef | null> {
    return this.requeue(targetId, `status IN ('failed', 'missed')`, `needs_reconcile = (check_since IS NOT NULL)`);
  }

  /** An unconfirmed target a person says is not on the platform: sent again now, without a check. */
  async resolveSendAgain(targetId: string): Promise<TargetRef | null> {
    return this.requeue(targetId, `status = 'unconfirmed'`, `needs_reconcile = false, check_since = NULL, check_lost_at = NULL`);
  }

  /** An unconfirmed target: ask the platform once more (the person may have fixed the bot's rights, say). */
  async resolveCheckAgain(targetId: string): Promise<TargetRef | null> {
    return this.requeue(targetId, `status = 'unconfirmed'`, `needs_reconcile = true, check_lost_at = now()`);
  }

  private async requeue(targetId: string, from: string, set: string): Promise<TargetRef | null> {
    const rows = await queryRows(
      this.ds,
      `UPDATE post_targets SET status = 'scheduled', next_attempt_at = now(), attempt_count = 0, ${set}, stuck_reason = NULL, stuck_at = NULL,
         unconfirmed_reason = NULL, unconfirmed_at = NULL, version = version + 1, updated_at = now()
       WHERE id = $1 AND ${from}
       RETURNING id, post_id AS "postId", account_id AS "accountId"`,
      [targetId],
    );
    return rows[0] ?? null;
  }

  /**
   * Unconfirmed targets that a later post can now settle (`reasons`: no later post bounded the search at the
   * time): once the account has a post published `marginMs` after the loss, they are checked again by themselves.
   */
  async recheckBoundable(reasons: string[], marginMs: number, limit: number): Promise<TargetRef[]> {
    return queryRows(
      this.ds,
      `UPDATE post_targets t SET status = 'scheduled', needs_reconcile = true, next_attempt_at = now(), attempt_count = 0, unconfirmed_reason = NULL,
         unconfirmed_at = NULL, version = t.version + 1, updated_at = now()
       WHERE t.id IN (SELECT t.id FROM post_targets t WHERE t.status = 'unconfirmed' AND t.unconfirmed_reason = ANY($2::text[])
                        AND EXISTS (SELECT 1 FROM post_targets o WHERE o.account_id = t.account_id AND o.status = 'published' AND o.external_id IS NOT NULL
                                      AND o.published_at > t.check_lost_at + ${ms(marginMs)})
                      LIMIT $1 FOR UPDATE OF t SKIP LOCKED)
       RETURNING t.id, t.post_id AS "postId", t.account_id AS "accountId"`,
      [limit, reasons],
    );
  }

  /**
   * An unconfirmed target a person found on the platform: published, with the link they give (the platform id
   * when known). 'conflict': another target of the account already holds that platform id.
   */
  async resolvePublished(targetId: string, url: string | null, externalId: string | null): Promise<TargetRef | 'conflict' | null> {
    try {
      const rows = await queryRows(
        this.ds,
        `UPDATE post_targets SET status = 'published', external_id = $2::varchar, external_url = $3, published_at = now(), metrics_due_at = CASE WHEN $2::varchar IS NULL OR reply_to IS NOT NULL THEN NULL ELSE now() + interval '1 hour' END,
           needs_reconcile = false, check_since = NULL, check_lost_at = NULL, unconfirmed_reason = NULL, unconfirmed_at = NULL,
           last_error_class = NULL, last_error_message = NULL, next_attempt_at = NULL, version = version + 1, updated_at = now()
         WHERE id = $1 AND status = 'unconfirmed'
         RETURNING id, post_id AS "postId", account_id AS "accountId"`,
        [targetId, externalId, url],
      );
      return rows[0] ?? null;
    } catch (e) {
      if ((e as { code?: string }).code === '23505') return 'conflict';
      throw e;
    }
  }

  /**
   * Targets left in publishing by a worker that died or hung (its lease ran out): scheduled again at once, the
   * dead try counted (a target that keeps killing workers runs out of tries) and its open attempts abandoned.
   * A try that had started sending still owes a check, so the next claim asks the platform first. The claims
   * go through the queue like any other, within each worker's concurrency.
   */
  async requeueExpired(limit: number): Promise<TargetRef[]> {
    return queryRows(
      this.ds,
      `WITH x AS (
         UPDATE post_targets t SET status = 'scheduled', next_attempt_at = now(), lease_owner = NULL, lease_until = NULL, claim_token = NULL,
           check_lost_at = CASE WHEN t.needs_reconcile THEN now() ELSE t.check_lost_at END,
           last_error_class = CASE WHEN t.needs_reconcile THEN 'unknown_outcome' ELSE t.last_error_class END,
           last_error_message = 'worker stopped mid-publish', version = t.version + 1, updated_at = now()
         WHERE t.id IN (SELECT id FROM post_targets WHERE status = 'publishing' AND lease_until < now() ORDER BY lease_until LIMIT $1 FOR UPDATE SKIP LOCKED)
         RETURNING t.id, t.post_id, t.account_id),
       a AS (UPDATE publish_attempts SET finished_at = now(), outcome = 'abandoned', error_class = 'unknown_outcome'
             WHERE target_id IN (SELECT id FROM x) AND outcome = 'started' RETURNING id)
       SELECT id, post_id AS "postId", account_id AS "accountId", (SELECT count(*) FROM a) AS abandoned FROM x`,
      [limit],
    );
  }

  async findById(id: string): Promise<(TargetRow & { unitId: string; authorId: string | null }) | null> {
    const rows = await queryRows(
      this.ds,
      `SELECT ${TARGET_COLUMNS}, p.unit_id AS "unitId", p.author_id AS "authorId" FROM post_targets t JOIN LATERAL (${postOwnerSql('t.post_id')}) p ON true WHERE t.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Marks due targets for enqueueing (one dispatcher wins each) and returns what to enqueue. */
  async takeDueForQueue(lookaheadMs: number, requeueAfterMs: number, limit: number, em?: EntityManager): Promise<QueuedTarget[]> {
    return queryRows(
      em ?? this.ds,
      `UPDATE post_targets t SET queued_for = ${DUE}, queued_at = now(), queue_seq = t.queue_seq + 1
       WHERE t.id IN (
         SELECT t.id FROM post_targets t
         WHERE t.status = 'scheduled' AND ${DUE} <= now() + ${ms(lookaheadMs)}
           AND (t.queued_for IS DISTINCT FROM ${DUE} OR (${DUE} < now() - ${ms(requeueAfterMs)} AND t.queued_at < now() - ${ms(requeueAfterMs)}))
         ORDER BY ${DUE} LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING t.id, t.queue_seq AS seq, ${DUE} AS "dueAt"`,
      [limit],
    );
  }

  /**
   * Scheduled targets that fell due more than `graceMs` ago (no worker ran): scheduled → missed. Never one owed a
   * check: an earlier try may have posted it, so it is checked however late.
   */
  async markMissed(graceMs: number, limit: number, targetId?: string): Promise<TargetRef[]> {
    return queryRows(
      this.ds,
      `UPDATE post_targets t SET status = 'missed', lease_owner = NULL, lease_until = NULL, version = t.version + 1, updated_at = now()
       WHERE t.id IN (SELECT t.id FROM post_targets t WHERE t.status = 'scheduled' AND NOT t.needs_reconcile AND ${DUE} < now() - ${ms(graceMs)} ${targetId ? 'AND t.id = $2' : ''}
                      ORDER BY ${DUE} LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING t.id, t.post_id AS "postId", t.account_id AS "accountId"`,
      targetId ? [limit, targetId] : [limit],
    );
  }

  /** Due scheduled targets of an account that is disabled or needs reconnecting: scheduled → held. */
  async holdForInactiveAccounts(lookaheadMs: number, limit: number, only: { accountId?: string; targetId?: string } = {}): Promise<TargetRef[]> {
    const params: unknown[] = [limit];
    let filter = '';
    if (only.accountId) filter += ` AND t.account_id = $${params.push(only.accountId)}`;
    if (only.targetId) filter += ` AND t.id = $${params.push(only.targetId)}`;
    return queryRows(
      this.ds,
      `UPDATE post_targets t SET status = 'held', budget_wait = NULL, version = t.version + 1, updated_at = now()
       WHERE t.id IN (SELECT t.id FROM post_targets t JOIN social_accounts a ON a.id = t.account_id
                      WHERE t.status = 'scheduled' AND a.status <> 'active' AND ${DUE} <= now() + ${ms(lookaheadMs)} ${filter}
                      LIMIT $1 FOR UPDATE OF t SKIP LOCKED)
       RETURNING t.id, t.post_id AS "postId", t.account_id AS "accountId"`,
      params,
    );
  }

  /** Held targets whose account is active again: held → scheduled, due now. */
  /**
   * Held targets of accounts active again go back to scheduled. One still within the grace of its own time is
   * due now; an older one keeps its original time, so the dispatcher marks it missed and reports it (a manual
   * retry can still send it): a reconnect after a weekend never sends the weekend's posts in a burst.
   */
  async resumeHeld(limit: number, graceMs: number): Promise<TargetRef[]> {
    return queryRows(
      this.ds,
      `UPDATE post_targets t SET status = 'scheduled',
         next_attempt_at = CASE WHEN t.needs_reconcile OR t.scheduled_at >= now() - ${ms(graceMs)} THEN greatest(now(), t.scheduled_at) END, stuck_reason = NULL, stuck_at = NULL,
         last_error_class = NULL, last_error_message = NULL, version = t.version + 1, updated_at = now()
       WHERE t.id IN (SELECT t.id FROM post_targets t JOIN social_accounts a ON a.id = t.account_id
                      WHERE t.status = 'held' AND a.status = 'active' LIMIT $1 FOR UPDATE OF t SKIP LOCKED)
       RETURNING t.id, t.post_id AS "postId", t.account_id AS "accountId"`,
      [limit],
    );
  }

  /**
   * Targets still unpublished `stuckAfterMs` after their time get a reason (a code the console
   * translates), once. Published, failed, missed and cancelled targets are never stuck; a target waiting for a
   * shared budget (budget_wait) counts from the time it waits for, not from its own.
   */
  async flagStuck(stuckAfterMs: number, limit: number): Promise<Array<TargetRef & { reason: string }>> {
    return queryRows(
      this.ds,
      `UPDATE post_targets t SET stuck_at = now(), stuck_reason = CASE
           WHEN t.status = 'held' THEN 'account_inactive'
           WHEN t.status = 'publishing' THEN 'still_publishing'
           WHEN t.last_error_class IS NOT NULL THEN 'retrying_' || t.last_error_class
           ELSE 'not_picked_up' END
       WHERE t.id IN (SELECT id FROM post_targets WHERE status IN ('scheduled', 'held', 'publishing') AND stuck_reason IS NULL
                        AND CASE WHEN budget_wait IS NOT NULL AND status = 'scheduled' THEN coalesce(next_attempt_at, scheduled_at) ELSE scheduled_at END < now() - ${ms(stuckAfterMs)}
                      LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING t.id, t.post_id AS "postId", t.account_id AS "accountId", t.stuck_reason AS reason`,
      [limit],
    );
  }

  /**
   * Rolls the post's status up from its targets (cancelled ones ignored): any publishing or unconfirmed → publishing;
   * all published → published; all failed/missed → failed; a mix of both → partially_failed.
   */
  async rollUpPosts(postIds: string[]): Promise<void> {
    if (!postIds.length) return;
    await queryRows(
      this.ds,
      `UPDATE posts p SET status = r.next, updated_at = now()
       FROM (
         SELECT post_id,
           CASE
             WHEN bool_or(status IN ('publishing', 'unconfirmed')) THEN 'publishing'
             WHEN bool_and(status = 'published') THEN 'published'
             WHEN bool_and(status IN ('failed', 'missed')) THEN 'failed'
             WHEN bool_and(status IN ('published', 'failed', 'missed')) THEN 'partially_failed'
             WHEN bool_or(status IN ('published', 'failed', 'missed')) THEN 'publishing'
             ELSE NULL END AS next
         FROM post_targets WHERE post_id = ANY($1::uuid[]) AND status <> 'cancelled' GROUP BY post_id
       ) r
       WHERE p.id = r.post_id AND r.next IS NOT NULL AND p.status IS DISTINCT FROM r.next
         AND p.status IN ('scheduled', 'publishing', 'published', 'partially_failed', 'failed')`,
      [[...new Set(postIds)]],
    );
  }

  /** Holds every scheduled target of one account (its token was refused). */
  async holdAccount(accountId: string): Promise<TargetRef[]> {
    return this.holdForInactiveAccounts(365 * 24 * 3600_000, 10_000, { accountId });
  }
}
