import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { rows as queryRows } from './sql';
import { ErrorClass } from './target-row';

export type AttemptOutcome = 'started' | 'published' | 'reconciled' | 'failed' | 'retry' | 'abandoned';

export interface AttemptRow {
  id: string;
  targetId: string;
  startedAt: Date;
  finishedAt: Date | null;
  worker: string;
  outcome: AttemptOutcome;
  httpStatus: number | null;
  errorClass: ErrorClass | null;
  platformMessage: string | null;
}

export interface AttemptResult {
  outcome: Exclude<AttemptOutcome, 'started'>;
  httpStatus?: number | null;
  errorClass?: ErrorClass | null;
  platformMessage?: string | null;
}

/** publish_attempts: one row per try, written before the platform is called and completed after. */
@Injectable()
export class AttemptsRepository {
  constructor(private readonly ds: DataSource) {}

  async start(targetId: string, worker: string): Promise<{ id: string; startedAt: Date }> {
    const rows = await queryRows(this.ds, `INSERT INTO publish_attempts (target_id, worker) VALUES ($1, $2) RETURNING id, started_at AS "startedAt"`, [
      targetId,
      worker,
    ]);
    return { id: String(rows[0].id), startedAt: rows[0].startedAt };
  }

  async finish(id: string, r: AttemptResult): Promise<void> {
    await queryRows(
      this.ds,
      `UPDATE publish_attempts SET finished_at = now(), outcome = $2, http_status = $3, error_class = $4, platform_message = $5 WHERE id = $1`,
      [id, r.outcome, r.httpStatus ?? null, r.errorClass ?? null, r.platformMessage?.slice(0, 2000) ?? null],
    );
  }

  /** Attempts left 'started' by a worker that died: they end as 'abandoned'. */
  async abandonOpen(targetId: string): Promise<void> {
    await queryRows(
      this.ds,
      `UPDATE publish_attempts SET finished_at = now(), outcome = 'abandoned', error_class = 'unknown_outcome' WHERE target_id = $1 AND outcome = 'started'`,
      [targetId],
    );
  }

  /** When the first try of the target began (reconciliation looks for posts from then on). */
  async firstStartedAt(targetId: string): Promise<Date | null> {
    const rows = await queryRows(this.ds, `SELECT min(started_at) AS at FROM publish_attempts WHERE target_id = $1`, [targetId]);
    return rows[0]?.at ?? null;
  }

  async listForTargets(targetIds: string[]): Promise<AttemptRow[]> {
    if (!targetIds.length) return [];
    const rows = await queryRows(
      this.ds,
      `SELECT id, target_id AS "targetId", started_at AS "startedAt", finished_at AS "finishedAt", worker, outcome, http_status AS "httpStatus",
         error_class AS "errorClass", platform_message AS "platformMessage"
       FROM publish_attempts WHERE target_id = ANY($1::uuid[]) ORDER BY started_at, id`,
      [targetIds],
    );
    return rows.map((r: AttemptRow) => ({ ...r, id: String(r.id) }));
  }
}
