import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccountPlatform, AccountStatus, SocialAccountEntity } from '@kabar/accounts';

/** An account as the collectors need it: enough to open its credentials and to skip it. */
export interface CollectedAccount {
  entity: SocialAccountEntity;
  status: AccountStatus;
  snapshotPeriod: number | null;
}

/** A reading to store, guarded by the account's period. */
export interface AccountReading {
  accountId: string;
  period: number;
  followers: number;
  at: Date;
}

/** A published target whose metrics are due; `dueText` is metrics_due_at as PostgreSQL printed it (µs exact). */
export interface DueTarget {
  id: string;
  externalId: string;
  publishedAt: Date;
  dueText: string;
}

/** The SQL of analytics collection: what is due, the guarded writes of a reading, the error bookkeeping. */
@Injectable()
export class CollectionRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  transaction<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(fn);
  }

  /**
   * Stamps up to `limit` active accounts not yet enqueued for `period` and returns their ids, in the
   * caller's transaction (the jobs are inserted in the same one). SKIP LOCKED: a replica running the
   * same trigger takes other rows, or none.
   */
  async stampSnapshotsDue(em: EntityManager, period: number, limit: number): Promise<string[]> {
    const [rows] = (await em.query(
      `UPDATE social_accounts SET snapshot_enqueued_period = $1
        WHERE id IN (SELECT id FROM social_accounts
                      WHERE status = 'active' AND (snapshot_enqueued_period IS NULL OR snapshot_enqueued_period < $1)
                      ORDER BY snapshot_enqueued_period NULLS FIRST LIMIT $2 FOR UPDATE SKIP LOCKED)
        RETURNING id`,
      [period, limit],
    )) as [Array<{ id: string }>, number];
    return rows.map((r) => r.id);
  }

  /**
   * Active accounts with published targets whose metrics are due and not yet enqueued in the slot that
   * started at `slotStart`; their targets are stamped (metrics_enqueued_at) in the caller's transaction.
   */
  async stampMetricsDue(em: EntityManager, slotStart: Date, limit: number): Promise<string[]> {
    const rows: Array<{ account_id: string }> = await em.query(
      `WITH due AS (
         SELECT t.id FROM post_targets t JOIN social_accounts s ON s.id = t.account_id AND s.status = 'active'
          WHERE t.metrics_due_at <= now() AND t.status = 'published' AND (t.metrics_enqueued_at IS NULL OR t.metrics_enqueued_at < $1)
          ORDER BY t.metrics_due_at LIMIT $2 FOR UPDATE OF t SKIP LOCKED),
       stamped AS (UPDATE post_targets t SET metrics_enqueued_at = now() FROM due WHERE t.id = due.id RETURNING t.account_id)
       SELECT DISTINCT account_id FROM stamped`,
      [slotStart.toISOString(), limit],
    );
    return rows.map((r) => r.account_id);
  }

  async accounts(ids: string[]): Promise<Map<string, CollectedAccount>> {
    const rows: Array<{
      id: string;
      platform: AccountPlatform;
      external_id: string;
      handle: string | null;
      status: AccountStatus;
      snapshot_period: string | null;
    }> = await this.ds.query(`SELECT id, platform, external_id, handle, status, snapshot_period FROM social_accounts WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(
      rows.map((r) => [
        r.id,
        {
          entity: Object.assign(new SocialAccountEntity(), { id: r.id, platform: r.platform, externalId: r.external_id, handle: r.handle }),
          status: r.status,
          snapshotPeriod: r.snapshot_period === null ? null : Number(r.snapshot_period),
        },
      ]),
    );
  }

  /**
   * Records readings on their accounts, but only where the account's period is still older: returns the
   * ids that moved (the others were collected by another worker meanwhile and must not be stored again).
   * The rows are locked in id order first, so two batches sharing accounts cannot deadlock.
   */
  async recordReadings(em: EntityManager, readings: AccountReading[]): Promise<Set<string>> {
    if (!readings.length) return new Set();
    const ids = readings.map((r) => r.accountId);
    await em.query(`SELECT id FROM social_accounts WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [ids]);
    const [rows] = (await em.query(
      `UPDATE social_accounts s SET snapshot_period = b.period, followers = b.followers, last_snapshot_at = b.at, last_synced_at = b.at,
              collection_error = NULL, collection_error_at = NULL, collection_failures = 0
         FROM unnest($1::uuid[], $2::bigint[], $3::int[], $4::timestamptz[]) AS b(id, period, followers, at)
        WHERE s.id = b.id AND coalesce(s.snapshot_period, -1) < b.period
        RETURNING s.id`,
      [ids, readings.map((r) => r.period), readings.map((r) => r.followers), readings.map((r) => r.at.toISOString())],
    )) as [Array<{ id: string }>, number];
    return new Set(rows.map((r) => r.id));
  }

  async recordFailure(accountId: string, message: string): Promise<void> {
    await this.ds.query(
      `UPDATE social_accounts SET collection_error = $2, collection_error_at = now(), collection_failures = collection_failures + 1 WHERE id = $1`,
      [accountId, message.slice(0, 500)],
    );
  }

  async dueTargets(accountId: string, limit: number): Promise<DueTarget[]> {
    const rows: Array<{ id: string; external_id: string; published_at: Date; due_text: string }> = await this.ds.query(
      `SELECT id, external_id, published_at, metrics_due_at::text AS due_text FROM post_targets
        WHERE account_id = $1 AND status = 'published' AND external_id IS NOT NULL AND metrics_due_at <= now()
        ORDER BY metrics_due_at LIMIT $2`,
      [accountId, limit],
    );
    return rows.map((r) => ({ id: r.id, externalId: r.external_id, publishedAt: r.published_at, dueText: r.due_text }));
  }

  /** Moves each target's next reading, only where metrics_due_at is still what was read; returns the ids moved. */
  async moveMetricsDue(em: EntityManager, moves: Array<{ id: string; dueText: string; next: Date | null }>): Promise<Set<string>> {
    if (!moves.length) return new Set();
    const [rows] = (await em.query(
      `UPDATE post_targets t SET metrics_due_at = b.next
         FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) AS b(id, due, next)
        WHERE t.id = b.id AND t.metrics_due_at = b.due
        RETURNING t.id`,
      [moves.map((m) => m.id), moves.map((m) => m.dueText), moves.map((m) => m.next?.toISOString() ?? null)],
    )) as [Array<{ id: string }>, number];
    return new Set(rows.map((r) => r.id));
  }
}
