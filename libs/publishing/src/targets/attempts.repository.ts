import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { rows as queryRows } from './sql';
import { ErrorClass } from './target-row';

export type AttemptOutcome = 'started' | 'published' | 'reconciled' | 'failed' | 'retry' | 'abandoned' | 'unknown' | 'absent' | 'pending' | 'unconfirmed';

export interface AttemptRow {
  id: string;
  targetId: string;
  /** `send`: a call that may create the post; `check`: asking the platform whether an earlier send did. */
  kind: 'send' | 'check';
  startedAt: Date;
  finishedAt: Date | null;
  worker: string;
  outcome: AttemptOutcome;
  httpStatus: number | null;
  errorClass: ErrorClass | null;
  platformMessage: string | null;
  externalId: string | null;
  externalUrl: string | null;
  handles: Record<string, string>;
}

/** publish_attempts as the API reads them (the engine writes them through ClaimsRepository). */
@Injectable()
export class AttemptsRepository {
  constructor(private readonly ds: DataSource) {}

  async listForTargets(targetIds: string[]): Promise<AttemptRow[]> {
    if (!targetIds.length) return [];
    const rows = await queryRows(
      this.ds,
      `SELECT id, target_id AS "targetId", kind, started_at AS "startedAt", finished_at AS "finishedAt", worker, outcome, http_status AS "httpStatus",
         error_class AS "errorClass", platform_message AS "platformMessage", external_id AS "externalId", external_url AS "externalUrl", handles
       FROM publish_attempts WHERE target_id = ANY($1::uuid[]) ORDER BY started_at, id`,
      [targetIds],
    );
    return rows.map((r: AttemptRow) => ({ ...r, id: String(r.id) }));
  }
}
