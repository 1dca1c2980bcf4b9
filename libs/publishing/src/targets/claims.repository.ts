import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { KnownPost, PublishHandles } from '@kabar/platforms';
import { accountForTargetSql } from '@kabar/accounts';
import { postOwnerSql, targetContentSql } from '@kabar/content';
import { rows as queryRows } from './sql';
import { ClaimedTarget, DUE, ErrorClass, TARGET_COLUMNS } from './target-row';
import type { TargetRef } from './targets.repository';

const ms = (n: number) => `(${Number(n)} * interval '1 millisecond')`;

/** Joined columns of a claimed target: its post's unit and author, its account's platform and status. */
const CLAIMED_SELECT = `SELECT ${TARGET_COLUMNS}, p.unit_id AS "unitId", p.author_id AS "authorId", a.platform, a.status AS "accountStatus", a.handle AS "accountHandle",
  a.external_id AS "accountExternalId", a.token_expires_at AS "tokenExpiresAt", a.sealed AS "credentialsEnc",
  v.text AS "variantText", v.hashtags AS "variantHashtags", v.link AS "variantLink", v.media AS "variantMedia"
  FROM c t JOIN LATERAL (${postOwnerSql('t.post_id')}) p ON true JOIN LATERAL (${accountForTargetSql('t.account_id')}) a ON true
  LEFT JOIN LATERAL (${targetContentSql('t.post_id', 't.language', 'a.platform')}) v ON true`;

/** What a claim returns: the target, or why not (`busy`: a serial account has another target in flight). */
export type ClaimResult = { target: ClaimedTarget } | { busy: true } | null;

/** Clears the window of tries whose outcome was unknown (the platform answered, or proved absence). */
const SETTLED = `needs_reconcile = false, check_since = NULL, check_lost_at = NULL`;
/** Ends the claim: no lease, no token. */
const RELEASED = `lease_owner = NULL, lease_until = NULL, claim_token = NULL, version = version + 1, updated_at = now()`;

/**
 * A claim and every write made under it. A claim gets a fresh token; each later write presents it
 * (`claim_token = $token`), so a worker whose lease was taken over can no longer move the target: what
 * it learnt is kept on its attempt row instead (the evidence the next holder checks first).
 */
@Injectable()
export class ClaimsRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * scheduled → publishing with a lease and a new token, when due (or owed a check, however late).
   * `serialPlatforms`: their accounts take one target at a time across all workers (Telegram: its lost-answer
   * check relies on it); for them an advisory lock makes "no other in flight" and the claim one step. Other
   * accounts are claimed in one statement (the hot path).
   */
  async claim(targetId: string, worker: string, leaseMs: number, graceMs: number, serialPlatforms: readonly string[]): Promise<ClaimResult> {
    const update = (serial: boolean) => `WITH c AS (
         UPDATE post_targets t SET status = 'publishing', version = t.version + 1, attempt_count = t.attempt_count + 1,
           lease_owner = $2, lease_until = now() + ${ms(leaseMs)}, claim_token = gen_random_uuid(), budget_wait = NULL, updated_at = now()
         WHERE t.id = $1 AND t.status = 'scheduled' AND ${DUE} <= now() + interval '2 seconds' AND (${DUE} >= now() - ${ms(graceMs)} OR t.needs_reconcile)
           AND EXISTS (SELECT 1 FROM social_accounts a WHERE a.id = t.account_id AND a.status = 'active' AND (a.platform = ANY($3::text[])) = ${serial})
           ${serial ? `AND NOT EXISTS (SELECT 1 FROM post_targets o WHERE o.account_id = t.account_id AND o.status = 'publishing' AND o.id <> t.id)` : ''}
         RETURNING t.*)
       ${CLAIMED_SELECT}`;
    const [claimed] = (await queryRows(this.ds, update(false), [targetId, worker, serialPlatforms])) as ClaimedTarget[];
    if (claimed) return { target: claimed };
    if (!serialPlatforms.length) return null;
    return this.ds.transaction(async (m) => {
      const [row] = await m.query(
        `SELECT t.account_id AS "accountId" FROM post_targets t JOIN social_accounts a ON a.id = t.account_id WHERE t.id = $1 AND a.platform = ANY($2::text[])`,
        [targetId, serialPlatforms],
      );
      if (!row) return null;
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('kabar.serial:' || $1::text))`, [row.accountId]);
      const [serial] = (await m.query(update(true), [targetId, worker, serialPlatforms])) as ClaimedTarget[];
      if (serial) return { target: serial };
      // Another target of the account is in flight: due again in a moment (the dispatcher enqueues it anew).
      const deferred = await m.query(
        `UPDATE post_targets t SET next_attempt_at = now() + interval '2 seconds', updated_at = now()
         WHERE t.id = $1 AND t.status = 'scheduled' AND ${DUE} <= now() + interval '2 seconds'
           AND EXISTS (SELECT 1 FROM post_targets o WHERE o.account_id = t.account_id AND o.status = 'publishing' AND o.id <> t.id)
         RETURNING t.id`,
        [targetId],
      );
      return deferred.length ? { busy: true as const } : null;
    });
  }

  /**
   * Before a send: the fingerprint of the text, "a check is owed" and the start of the unknown window, and
   * the attempt row, in one statement. Null when the claim is no longer this one's.
   */
  async startSend(id: string, token: string, worker: string, fingerprint: string): Promise<{ attemptId: string } | null> {
    const rows = await queryRows(
      this.ds,
      `WITH f AS (UPDATE post_targets SET fingerprint = $4, needs_reconcile = true, check_since = coalesce(check_since, now()), budget_wait = NULL
                  WHERE id = $1 AND claim_token = $2 AND status = 'publishing' RETURNING id)
       INSERT INTO publish_attempts (target_id, worker, claim_token, kind) SELECT id, $3, $2, 'send' FROM f RETURNING id AS "attemptId"`,
      [id, token, worker, fingerprint],
    );
    return rows[0] ? { attemptId: String(rows[0].attemptId) } : null;
  }

  /** A check of an earlier try's outcome, recorded as an attempt of kind `check`. */
  async startCheck(id: string, token: string, worker: string): Promise<{ attemptId: string } | null> {
    const rows = await queryRows(
      this.ds,
      `INSERT INTO publish_attempts (target_id, worker, claim_token, kind)
       SELECT id, $3, $2, 'check' FROM post_targets WHERE id = $1 AND claim_token = $2 AND status = 'publishing' RETURNING id AS "attemptId"`,
      [id, token, worker],
    );
    return rows[0] ? { attemptId: String(rows[0].attemptId) } : null;
  }

  /** Keeps a handle the platform gave (container, upload session, publish id) on the attempt, durably, at once. */
  async keepHandles(attemptId: string, handles: PublishHandles): Promise<void> {
    await queryRows(this.ds, `UPDATE publish_attempts SET handles = handles || $2::jsonb WHERE id = $1`, [attemptId, JSON.stringify(handles)]);
  }

  /**
   * publishing → published under this claim, the attempt closed with the platform's id. 'conflict': another
   * target of the account already holds that platform post (the unique index); 'fenced': the claim was lost.
   * Either way the attempt keeps the id.
   */
  async published(
    id: string,
    token: string,
    attemptId: string,
    post: { externalId: string; url: string },
    outcome: 'published' | 'reconciled',
  ): Promise<'ok' | 'fenced' | 'conflict'> {
    await this.finishAttempt(attemptId, { outcome, externalId: post.externalId, externalUrl: post.url, httpStatus: outcome === 'published' ? 200 : null });
    try {
      const rows = await queryRows(
        this.ds,
        `UPDATE post_targets SET status = 'published', external_id = $3, external_url = $4, published_at = now(), metrics_due_at = CASE WHEN reply_to IS NULL THEN now() + interval '1 hour' END,
           ${SETTLED}, next_attempt_at = NULL, stuck_reason = NULL, stuck_at = NULL, last_error_class = NULL, last_error_message = NULL,
           unconfirmed_reason = NULL, unconfirmed_at = NULL, ${RELEASED}
         WHERE id = $1 AND claim_token = $2 AND status = 'publishing' RETURNING id`,
        [id, token, post.externalId, post.url],
      );
      return rows.length ? 'ok' : 'fenced';
    } catch (e) {
      if ((e as { code?: string }).code === '23505') return 'conflict';
      throw e;
    }
  }

  /** The answer was lost: check the platform at `at` before anything else (the try counts). */
  async unknown(id: string, token: string, at: Date, message: string | null): Promise<TargetRef | null> {
    return this.move(
      id,
      token,
      `status = 'scheduled', next_attempt_at = $3, needs_reconcile = true, check_lost_at = now(), last_error_class = 'unknown_outcome', last_error_message = $4`,
      [at, message],
    );
  }

  /** The platform is still processing (or not yet listing): ask again at `at`; a check is not a try. */
  async pending(id: string, token: string, at: Date): Promise<TargetRef | null> {
    return this.move(id, token, `status = 'scheduled', next_attempt_at = $3, attempt_count = greatest(attempt_count - 1, 0)`, [at]);
  }

  /** The platform proved no earlier try posted: the window closes, the next send is safe (the check was not a try). */
  async absent(id: string, token: string): Promise<boolean> {
    const rows = await queryRows(
      this.ds,
      `UPDATE post_targets SET ${SETTLED}, attempt_count = greatest(attempt_count - 1, 0) WHERE id = $1 AND claim_token = $2 AND status = 'publishing' RETURNING id`,
      [id, token],
    );
    return rows.length > 0;
  }

  /** Nobody can tell whether it was posted: a person decides (the check window stays for the record). */
  async unconfirmed(id: string, token: string, reason: string, message: string | null): Promise<TargetRef | null> {
    return this.move(
      id,
      token,
      `status = 'unconfirmed', unconfirmed_reason = $3, unconfirmed_at = now(), next_attempt_at = NULL, last_error_class = 'unknown_outcome', last_error_message = $4`,
      [reason, message],
    );
  }

  /** A definite answer after a send (nothing was posted): retry at `nextAt`. */
  async retry(id: string, token: string, nextAt: Date, errorClass: ErrorClass, message: string | null, settled: boolean): Promise<TargetRef | null> {
    return this.move(id, token, `status = 'scheduled', next_attempt_at = $3, last_error_class = $4, last_error_message = $5${settled ? `, ${SETTLED}` : ''}`, [
      nextAt,
      errorClass,
      message,
    ]);
  }

  /** publishing → failed (refused, out of tries, or a target that kept killing its workers). */
  async failed(id: string, token: string, errorClass: ErrorClass | null, message: string | null): Promise<TargetRef | null> {
    return this.move(id, token, `status = 'failed', next_attempt_at = NULL, last_error_class = $3, last_error_message = $4, ${SETTLED}`, [errorClass, message]);
  }

  /** publishing → held (the account needs reconnecting); `settled` false keeps a check owed for when it resumes. */
  async held(id: string, token: string, errorClass: ErrorClass | null, message: string | null, settled: boolean): Promise<TargetRef | null> {
    return this.move(id, token, `status = 'held', next_attempt_at = NULL, last_error_class = $3, last_error_message = $4${settled ? `, ${SETTLED}` : ''}`, [
      errorClass,
      message,
    ]);
  }

  private async move(id: string, token: string, set: string, params: unknown[]): Promise<TargetRef | null> {
    const rows = await queryRows(
      this.ds,
      `UPDATE post_targets SET ${set}, ${RELEASED}
       WHERE id = $1 AND claim_token = $2 AND status = 'publishing'
       RETURNING id, post_id AS "postId", account_id AS "accountId"`,
      [id, token, ...params],
    );
    return rows[0] ?? null;
  }

  async finishAttempt(
    attemptId: string,
    r: {
      outcome: string;
      httpStatus?: number | null;
      errorClass?: ErrorClass | null;
      message?: string | null;
      externalId?: string | null;
      externalUrl?: string | null;
      handles?: PublishHandles;
    },
  ): Promise<void> {
    await queryRows(
      this.ds,
      `UPDATE publish_attempts SET finished_at = now(), outcome = $2, http_status = $3, error_class = $4, platform_message = $5,
         external_id = coalesce($6, external_id), external_url = coalesce($7, external_url), handles = handles || $8::jsonb
       WHERE id = $1`,
      [
        attemptId,
        r.outcome,
        r.httpStatus ?? null,
        r.errorClass ?? null,
        r.message?.slice(0, 2000) ?? null,
        r.externalId ?? null,
        r.externalUrl ?? null,
        JSON.stringify(r.handles ?? {}),
      ],
    );
  }

  /** Keeps the leases of this process's claims alive. */
  async renew(tokens: string[], leaseMs: number): Promise<void> {
    if (!tokens.length) return;
    await queryRows(this.ds, `UPDATE post_targets SET lease_until = now() + ${ms(leaseMs)} WHERE claim_token = ANY($1::uuid[]) AND status = 'publishing'`, [
      tokens,
    ]);
  }

  /**
   * The post did not fit a shared budget (limits.admitPublish): due again at `at`, the try not counted, the
   * budget it waits for kept on the target (`budget_wait`, shown in the console). Nothing was sent.
   */
  async waitForBudget(id: string, token: string, at: Date, reason: string): Promise<TargetRef | null> {
    return this.move(id, token, `status = 'scheduled', next_attempt_at = $3, attempt_count = greatest(attempt_count - 1, 0), budget_wait = $4`, [at, reason]);
  }

  /** Gives back claims whose platform call never started: due again at once, for any worker; the try is not counted. */
  async releaseUnsent(tokens: string[]): Promise<void> {
    if (!tokens.length) return;
    await queryRows(
      this.ds,
      `UPDATE post_targets SET status = 'scheduled', attempt_count = greatest(attempt_count - 1, 0), next_attempt_at = now(), ${RELEASED}
       WHERE claim_token = ANY($1::uuid[]) AND status = 'publishing'`,
      [tokens],
    );
  }

  /** What the engine hands an adapter's check: the handles of every try (latest per key) and any id a try already learnt. */
  async evidence(targetId: string): Promise<{ handles: PublishHandles; learnt: { externalId: string; url: string } | null; firstSendAt: Date | null }> {
    const rows = await queryRows(
      this.ds,
      `SELECT handles, external_id AS "externalId", external_url AS "url", kind, started_at AS "startedAt" FROM publish_attempts WHERE target_id = $1 ORDER BY id`,
      [targetId],
    );
    const handles: PublishHandles = {};
    let learnt: { externalId: string; url: string } | null = null;
    let firstSendAt: Date | null = null;
    for (const r of rows) {
      Object.assign(handles, r.handles ?? {});
      if (r.externalId) learnt = { externalId: r.externalId, url: r.url ?? '' };
      if (r.kind === 'send' && !firstSendAt) firstSendAt = r.startedAt;
    }
    return { handles, learnt, firstSendAt };
  }

  /**
   * The account's posts Kabar knows: published from a day before `since` on, plus the latest before that (a
   * lower bound for platforms whose ids are sequential). Newest first, at most 500.
   */
  async knownPosts(accountId: string, since: Date, withReplies = false): Promise<KnownPost[]> {
    // A post's check never sees the account's replies (Telegram's go to another chat, with ids of their own);
    // a reply's check skips both (X and Mastodon list replies among the account's posts).
    const kinds = withReplies ? '' : 'AND reply_to IS NULL';
    const rows = await queryRows(
      this.ds,
      `(SELECT external_id AS "externalId", published_at AS "publishedAt" FROM post_targets
         WHERE account_id = $1 AND external_id IS NOT NULL ${kinds} AND published_at >= $2::timestamptz - interval '1 day' ORDER BY published_at DESC LIMIT 499)
       UNION ALL
       (SELECT external_id, published_at FROM post_targets
         WHERE account_id = $1 AND external_id IS NOT NULL ${kinds} AND published_at < $2::timestamptz - interval '1 day' ORDER BY published_at DESC LIMIT 1)`,
      [accountId, since],
    );
    return rows.map((r) => ({ externalId: r.externalId, publishedAt: new Date(r.publishedAt) }));
  }

  /**
   * Other targets of the account whose outcome is also unknown (owed a check, or unconfirmed) and whose tries
   * may have ended after `after` (the time of the latest post Kabar knows before this target's window): a post of
   * theirs could sit among this target's candidates.
   */
  async otherUnknown(accountId: string, targetId: string, after: Date, withReplies = false): Promise<number> {
    const rows = await queryRows(
      this.ds,
      `SELECT count(*)::int AS n FROM post_targets
       WHERE account_id = $1 AND id <> $2 AND check_since IS NOT NULL AND (needs_reconcile OR status = 'unconfirmed')
         AND coalesce(check_lost_at, now()) >= $3 ${withReplies ? '' : 'AND reply_to IS NULL'}`,
      [accountId, targetId, after],
    );
    return rows[0]?.n ?? 0;
  }
}
