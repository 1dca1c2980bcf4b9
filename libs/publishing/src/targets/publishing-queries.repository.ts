import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { accountLabelSql } from '@kabar/accounts';
import { postOwnerSql, postPreviewSql } from '@kabar/content';
import { UnitScope, unitNameSql } from '@kabar/org';
import { rows as queryRows } from './sql';
import { TARGET_COLUMNS, TargetRow } from './target-row';

export interface TargetView extends TargetRow {
  platform: string;
  accountHandle: string | null;
  accountName: string | null;
  accountStatus: string;
}

export type ProblemKind = 'failed' | 'missed' | 'stuck' | 'held' | 'unconfirmed';

export interface ProblemView extends TargetView {
  unitId: string;
  unitName: string;
  postPreview: string;
}

/** Read side of publishing for the API: a post's targets, the city-wide problem list. */
@Injectable()
export class PublishingQueries {
  constructor(private readonly ds: DataSource) {}

  async targetsOfPost(postId: string): Promise<TargetView[]> {
    return queryRows(
      this.ds,
      `SELECT ${TARGET_COLUMNS}, a.platform, a.handle AS "accountHandle", a.display_name AS "accountName", a.status AS "accountStatus"
       FROM post_targets t JOIN LATERAL (${accountLabelSql('t.account_id')}) a ON true WHERE t.post_id = $1 ORDER BY a.platform, a.handle, t.language`,
      [postId],
    );
  }

  /** Failed, missed, held, unconfirmed and stuck targets in the units in the caller's `scope`, newest first. */
  async problems(scope: UnitScope, kinds: ProblemKind[], limit: number, offset: number): Promise<{ items: ProblemView[]; total: number }> {
    if (scope.isEmpty) return { items: [], total: 0 };
    const ors: string[] = [];
    if (kinds.includes('failed')) ors.push(`t.status = 'failed'`);
    if (kinds.includes('missed')) ors.push(`t.status = 'missed'`);
    if (kinds.includes('held')) ors.push(`t.status = 'held'`);
    if (kinds.includes('unconfirmed')) ors.push(`t.status = 'unconfirmed'`);
    if (kinds.includes('stuck')) ors.push(`(t.stuck_reason IS NOT NULL AND t.status IN ('scheduled', 'publishing', 'held'))`);
    if (!ors.length) return { items: [], total: 0 };
    const where = `(${ors.join(' OR ')}) AND ${scope.unitIn('p.unit_id', '$1')}`;
    const items: ProblemView[] = await queryRows(
      this.ds,
      `SELECT ${TARGET_COLUMNS}, a.platform, a.handle AS "accountHandle", a.display_name AS "accountName", a.status AS "accountStatus",
         p.unit_id AS "unitId", ${unitNameSql('p.unit_id')} AS "unitName", coalesce(${postPreviewSql('t.post_id', 't.language', 80)}, '') AS "postPreview"
       FROM post_targets t JOIN LATERAL (${postOwnerSql('t.post_id')}) p ON true JOIN LATERAL (${accountLabelSql('t.account_id')}) a ON true
       WHERE ${where} ORDER BY t.updated_at DESC, t.id LIMIT $2 OFFSET $3`,
      [scope.patterns, limit, offset],
    );
    const total = await queryRows(
      this.ds,
      `SELECT count(*)::int AS n FROM post_targets t JOIN LATERAL (${postOwnerSql('t.post_id')}) p ON true WHERE ${where}`,
      [scope.patterns],
    );
    return { items, total: total[0].n };
  }
}
