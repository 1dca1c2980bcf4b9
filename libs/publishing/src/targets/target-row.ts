import type { ClaimedVariant } from '@kabar/content';
import type { Platform, ReplyTo } from '@kabar/platforms';

export type TargetStatus = 'pending' | 'scheduled' | 'held' | 'publishing' | 'published' | 'failed' | 'missed' | 'cancelled' | 'unconfirmed';
export type ErrorClass = 'auth' | 'rate_limited' | 'transient' | 'rejected' | 'unknown_outcome';

/** A post target as the publishing engine reads it (post_targets, snake_case columns mapped). */
export interface TargetRow {
  id: string;
  postId: string;
  accountId: string;
  language: 'id' | 'en';
  scheduledAt: Date | null;
  status: TargetStatus;
  externalId: string | null;
  externalUrl: string | null;
  publishedAt: Date | null;
  attemptCount: number;
  nextAttemptAt: Date | null;
  lastErrorClass: ErrorClass | null;
  lastErrorMessage: string | null;
  fingerprint: string | null;
  idempotencyKey: string;
  stuckReason: string | null;
  leaseOwner: string | null;
  /** The shared budget the target waits for (limits.admitPublish), until next_attempt_at. */
  budgetWait: string | null;
  leaseUntil: Date | null;
  /** An earlier try may have reached the platform: ask it (adapter check) before sending again. */
  needsReconcile: boolean;
  /** The fencing token of the claim holding the target: every write of that claim presents it. */
  claimToken: string | null;
  /** Start of the first try whose outcome is not yet known (cleared once the platform proved absence or the post). */
  checkSince: Date | null;
  /** End of the last try whose answer was lost. */
  checkLostAt: Date | null;
  unconfirmedReason: string | null;
  /** A reply to a citizen's comment or mention: what it answers on the platform (null for posts). */
  replyTo: ReplyTo | null;
  version: number;
}

/** The post target with what publishing it needs to know about its post and account. */
export interface ClaimedTarget extends TargetRow, ClaimedVariant {
  unitId: string;
  authorId: string | null;
  platform: Platform;
  accountStatus: 'active' | 'needs_reconnect' | 'disabled';
  accountHandle: string | null;
  accountExternalId: string;
  tokenExpiresAt: Date | null;
  /** Sealed credentials of the account; opened only for the platform call. */
  credentialsEnc: string;
}

export const TARGET_COLUMNS = `t.id, t.post_id AS "postId", t.account_id AS "accountId", t.language, t.scheduled_at AS "scheduledAt", t.status,
  t.external_id AS "externalId", t.external_url AS "externalUrl", t.published_at AS "publishedAt", t.attempt_count AS "attemptCount",
  t.next_attempt_at AS "nextAttemptAt", t.last_error_class AS "lastErrorClass", t.last_error_message AS "lastErrorMessage",
  t.fingerprint, t.idempotency_key AS "idempotencyKey", t.stuck_reason AS "stuckReason", t.lease_owner AS "leaseOwner",
  t.lease_until AS "leaseUntil", t.needs_reconcile AS "needsReconcile", t.claim_token AS "claimToken", t.check_since AS "checkSince",
  t.check_lost_at AS "checkLostAt", t.unconfirmed_reason AS "unconfirmedReason", t.reply_to AS "replyTo", t.budget_wait AS "budgetWait", t.version`;

/** SQL for "when this target is due": the retry time when one is set, else its schedule. */
export const DUE = `coalesce(t.next_attempt_at, t.scheduled_at)`;
