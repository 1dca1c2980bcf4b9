import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { VARIANT_SQL } from './variant-sql';
import { rows as queryRows } from './sql';
import { ClaimedTarget, DUE, ErrorClass, TARGET_COLUMNS, TargetRow } from './target-row';

const ms = (n: number) => `(${Number(n)} * interval '1 millisecond')`;

/** Joined columns of a claimed target: its post's unit and author, its account's platform and status. */
const CLAIMED_SELECT = `SELECT ${TARGET_COLUMNS}, p.unit_id AS "unitId", p.author_id AS "authorId", a.platform, a.status AS "accountStatus", a.handle AS "accountHandle",
  a.external_id AS "accountExternalId", a.token_expires_at AS "tokenExpiresAt", a.credentials_enc AS "credentialsEnc",
  v.text AS "variantText", v.hashtags AS "variantHashtags", v.link AS "variantLink", v.media AS "variantMedia"
  FROM c t JOIN posts p ON p.id = t.post_id JOIN social_accounts a ON a.id = t.account_id
  LEFT JOIN LATERAL (${VARIANT_SQL('t.post_id', 't.language', 'a.platform')}) v ON true`;

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
 * Every move of a post target's publishing state. Each is a conditional UPDATE on the state it
 * leaves (and, while publishing, on the worker holding the lease), so no race can publish twice.
 */
@Injectable()
export class TargetsRepository {
  constructor(private readonly ds: DataSource) {}

  /** Claims a due target for `worker`: scheduled → publishing, with a lease. Null when it is not claimable. */
  async claim(targetId: string, worker: string, leaseMs: number, graceMs: number): Promise<ClaimedTarget | null> {
    const rows: ClaimedTarget[] = await queryRows(
      this.ds,
      `WITH c AS (
         UPDATE post_targets t SET status = 'publishing', version = t.version + 1, attempt_count = t.attempt_count + 1,
           lease_owner = $2, lease_until = now() + ${ms(leaseMs)}, updated_at = now()
         WHERE t.id = $1 AND t.status = 'scheduled' AND ${DUE} <= now() + interval '2 seconds' AND ${DUE} >= now() - ${ms(graceMs)}
           AND EXISTS (SELECT 1 FROM social_accounts a WHERE a.id = t.account_id AND a.status = 'active')
         RETURNING t.*)
       ${CLAIMED_SELECT}`,
      [targetId, worker],
    );
    return rows[0] ?? null;
  }

  /** Takes over targets left in publishing by a worker whose lease ran out (it died or hung). */
  async claimExpired(worker: string, leaseMs: number, limit: number): Promise<ClaimedTarget[]> {
    return queryRows(
      this.ds,
      `WITH c AS (
         UPDATE post_targets t SET lease_owner = $1, lease_until = now() + ${ms(leaseMs)}, version = t.version + 1, updated_at = now()
         WHERE t.id IN (SELECT id FROM post_targets WHERE status = 'publishing' AND lease_until < now() ORDER BY lease_until LIMIT $2 FOR UPDATE SKIP LOCKED)
           AND t.status = 'publishing'
         RETURNING t.*)
       ${CLAIMED_SELECT}`,
      [worker, limit],
    );
  }

  /** A manual retry: failed|missed → scheduled now, reconciled with the platform before anything is sent. */
  async requeueForRetry(targetId: string): Promise<TargetRef | null> {
    const rows = await queryRows(
      this.ds,
      `UPDATE post_targets SET status = 'scheduled', next_attempt_at = now(), attempt_count = 0, needs_reconcile = true, stuck_reason = NULL, stuck_at = NULL,
         version = version + 1, updated_at = now()
       WHERE id = $1 AND status IN ('failed', 'missed')
       RETURNING id, post_id AS "postId", account_id AS "accountId"`,
      [targetId],
    );
    return rows[0] ?? null;
  }

  async findById(id: string): Promise<(TargetRow & { unitId: string; authorId: string | null }) | null> {
    const rows = await queryRows(
      this.ds,
      `SELECT ${TARGET_COLUMNS}, p.unit_id AS "unitId", p.author_id AS "authorId" FROM post_targets t JOIN posts p ON p.id = t.post_id WHERE t.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * Before the platform is called: stores the fingerprint of the text about to be sent (reconciliation
   * matches on it) and records the attempt, in one statement. Null when the lease was lost.
   */
  async startAttempt(id: string, worker: string, fingerprint: string): Promise<{ attemptId: string; startedAt: Date } | null> {
    const rows = await queryRows(
      this.ds,
      `WITH f AS (UPDATE post_targets SET fingerprint = $3, needs_reconcile = true WHERE id = $1 AND lease_owner = $2 AND status = 'publishing' RETURNING id)
       INSERT INTO publish_attempts (target_id, worker) SELECT id, $2 FROM f RETURNING id AS "attemptId", started_at AS "startedAt"`,
      [id, worker, fingerprint],
    );
    return rows[0] ? { attemptId: String(rows[0].attemptId), startedAt: rows[0].startedAt } : null;
  }

  /**
   * publishing → published. A platform's "created" answer is authoritative, so this also lands when the
   * lease was taken over meanwhile (the other worker's reconciliation then finds nothing to do).
   */
  async markPublished(id: string, externalId: string, url: string, attempt?: { id: string; outcome: 'published' | 'reconciled' }): Promise<TargetRef | null> {
    // The attempt's end and the target's new state in one statement: one commit on the hot path.
    const rows = await queryRows(
      this.ds,
      `WITH a AS (
         UPDATE publish_attempts SET finished_at = now(), outcome = $5::varchar, http_status = CASE WHEN $5::varchar = 'published' THEN 200 END
         WHERE id = $4::bigint RETURNING id)
       UPDATE post_targets SET status = 'published', external_id = $2, external_url = $3, published_at = now(), metrics_due_at = now() + interval '1 hour', lease_owner = NULL, lease_until = NULL, needs_reconcile = false,
         next_attempt_at = NULL, stuck_reason = NULL, stuck_at = NULL, last_error_class = NULL, last_error_message = NULL, version = version + 1, updated_at = now()
       WHERE id = $1 AND status IN ('publishing', 'scheduled', 'held')
       RETURNING id, post_id AS "postId", account_id AS "accountId", (SELECT count(*) FROM a) AS "attemptsClosed"`,
      [id, externalId, url, attempt?.id ?? null, attempt?.outcome ?? 'published'],
    );
    return rows[0] ?? null;
  }

  /**
   * publishing → scheduled at `nextAt` (backoff, rate-limit reset). `definite`: the platform answered,
   * so nothing was posted and no reconciliation is owed.
   */
  async scheduleRetry(id: string, worker: string, nextAt: Date, errorClass: ErrorClass, message: string | null, definite: boolean): Promise<TargetRef | null> {
    return this.leave(
      id,
      worker,
      `status = 'scheduled', next_attempt_at = $3, last_error_class = $4, last_error_message = $5`,
      [nextAt, errorClass, message],
      definite,
    );
  }

  /** publishing → failed (rejected, out of tries). */
  async markFailed(id: string, worker: string, errorClass: ErrorClass | null, message: string | null, definite = true): Promise<TargetRef | null> {
    return this.leave(id, worker, `status = 'failed', next_attempt_at = NULL, last_error_class = $3, last_error_message = $4`, [errorClass, message], definite);
  }

  /** publishing → held (the account needs reconnecting); it resumes when the account is active again. */
  async markHeld(id: string, worker: string, errorClass: ErrorClass | null, message: string | null, definite = true): Promise<TargetRef | null> {
    return this.leave(id, worker, `status = 'held', next_attempt_at = NULL, last_error_class = $3, last_error_message = $4`, [errorClass, message], definite);
  }

  private async leave(id: string, worker: string, set: string, params: unknown[], definite: boolean): Promise<TargetRef | null> {
    const rows = await queryRows(
      this.ds,
      `UPDATE post_targets SET ${set}, ${definite ? 'needs_reconcile = false, ' : ''}lease_owner = NULL, lease_until = NULL, version = version + 1, updated_at = now()
       WHERE id = $1 AND status = 'publishing' AND lease_owner = $2
       RETURNING id, post_id AS "postId", account_id AS "accountId"`,
      [id, worker, ...params],
    );
    return rows[0] ?? null;
  }

  /** The platform showed no post from earlier tries: the next send is safe. */
  async reconciledAbsent(id: string, worker: string): Promise<void> {
    await queryRows(this.ds, `UPDATE post_targets SET needs_reconcile = false WHERE id = $1 AND lease_owner = $2 AND status = 'publishing'`, [id, worker]);
  }

  /** Keeps the leases of the targets this worker is publishing alive. */
  async renewLeases(ids: string[], worker: string, leaseMs: number): Promise<void> {
    if (!ids.length) return;
    await queryRows(
      this.ds,
      `UPDATE post_targets SET lease_until = now() + ${ms(leaseMs)} WHERE id = ANY($1::uuid[]) AND lease_owner = $2 AND status = 'publishing'`,
      [ids, worker],
    );
  }

  /** Gives back targets claimed but not yet sent: they are due again at once, for any worker. */
  async releaseUnsent(ids: string[], worker: string): Promise<void> {
    if (!ids.length) return;
    await queryRows(
      this.ds,
      `UPDATE post_targets SET status = 'scheduled', attempt_count = greatest(attempt_count - 1, 0), next_attempt_at = now(), lease_owner = NULL, lease_until = NULL,
         version = version + 1, updated_at = now()
       WHERE id = ANY($1::uuid[]) AND lease_owner = $2 AND status = 'publishing'`,
      [ids, worker],
    );
  }

  /** Targets mid-call when the worker stops: the lease ends now, so another worker reconciles them. */
  async expireLeases(ids: string[], worker: string): Promise<void> {
    if (!ids.length) return;
    await queryRows(this.ds, `UPDATE post_targets SET lease_until = now() WHERE id = ANY($1::uuid[]) AND lease_owner = $2 AND status = 'publishing'`, [
      ids,
      worker,
    ]);
  }

  /** Marks due targets for enqueueing (one dispatcher wins each) and returns what to enqueue. */
  async takeDueForQueue(lookaheadMs: number, requeueAfterMs: number, limit: number): Promise<QueuedTarget[]> {
    return queryRows(
      this.ds,
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

  /** Scheduled targets that fell due more than `graceMs` ago (no worker ran): scheduled → missed. */
  async markMissed(graceMs: number, limit: number, targetId?: string): Promise<TargetRef[]> {
    return queryRows(
      this.ds,
      `UPDATE post_targets t SET status = 'missed', lease_owner = NULL, lease_until = NULL, version = t.version + 1, updated_at = now()
       WHERE t.id IN (SELECT t.id FROM post_targets t WHERE t.status = 'scheduled' AND ${DUE} < now() - ${ms(graceMs)} ${targetId ? 'AND t.id = $2' : ''}
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
      `UPDATE post_targets t SET status = 'held', version = t.version + 1, updated_at = now()
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
         next_attempt_at = CASE WHEN t.scheduled_at >= now() - ${ms(graceMs)} THEN greatest(now(), t.scheduled_at) END, stuck_reason = NULL, stuck_at = NULL,
         last_error_class = NULL, last_error_message = NULL, version = t.version + 1, updated_at = now()
       WHERE t.id IN (SELECT t.id FROM post_targets t JOIN social_accounts a ON a.id = t.account_id
                      WHERE t.status = 'held' AND a.status = 'active' LIMIT $1 FOR UPDATE OF t SKIP LOCKED)
       RETURNING t.id, t.post_id AS "postId", t.account_id AS "accountId"`,
      [limit],
    );
  }

  /**
   * Targets still unpublished `stuckAfterMs` after their time get a reason (a code the console
   * translates), once. Published, failed, missed and cancelled targets are never stuck.
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
                        AND scheduled_at < now() - ${ms(stuckAfterMs)} LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING t.id, t.post_id AS "postId", t.account_id AS "accountId", t.stuck_reason AS reason`,
      [limit],
    );
  }

  /**
   * Rolls the post's status up from its targets (cancelled ones ignored): any publishing → publishing;
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
             WHEN bool_or(status = 'publishing') THEN 'publishing'
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
