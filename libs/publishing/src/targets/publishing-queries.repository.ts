import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UnitScope } from '@kabar/org';
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

  async postUnit(postId: string): Promise<{ unitId: string; status: string } | null> {
    const rows = await queryRows(this.ds, `SELECT unit_id AS "unitId", status FROM posts WHERE id = $1`, [postId]);
    return rows[0] ?? null;
  }

  async unitPath(unitId: string): Promise<string | null> {
    const rows = await queryRows(this.ds, `SELECT path FROM units WHERE id = $1`, [unitId]);
    return rows[0]?.path ?? null;
  }

  async targetsOfPost(postId: string): Promise<TargetView[]> {
    return queryRows(
      this.ds,
      `SELECT ${TARGET_COLUMNS}, a.platform, a.handle AS "accountHandle", a.display_name AS "accountName", a.status AS "accountStatus"
       FROM post_targets t JOIN social_accounts a ON a.id = t.account_id WHERE t.post_id = $1 ORDER BY a.platform, a.handle, t.language`,
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
         p.unit_id AS "unitId", u.name AS "unitName",
         coalesce((SELECT left(v.text, 80) FROM post_variants v WHERE v.post_id = p.id ORDER BY v.language = t.language DESC, v.platform NULLS FIRST LIMIT 1), '') AS "postPreview"
       FROM post_targets t JOIN posts p ON p.id = t.post_id JOIN social_accounts a ON a.id = t.account_id JOIN units u ON u.id = p.unit_id
       WHERE ${where} ORDER BY t.updated_at DESC, t.id LIMIT $2 OFFSET $3`,
      [scope.patterns, limit, offset],
    );
    const total = await queryRows(this.ds, `SELECT count(*)::int AS n FROM post_targets t JOIN posts p ON p.id = t.post_id WHERE ${where}`, [scope.patterns]);
    return { items, total: total[0].n };
  }
}
