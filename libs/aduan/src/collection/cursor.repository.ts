import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** aduan_cursors: where each scope of an account (a post's comments, its mentions, its discussion group) was read up to. */
@Injectable()
export class CursorRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async get(accountId: string, scope: string): Promise<string | null> {
    const [row] = await this.ds.query(`SELECT cursor FROM aduan_cursors WHERE account_id = $1 AND scope = $2`, [accountId, scope]);
    return row?.cursor ?? null;
  }

  /** Stores the scope's cursor after its items are stored (a crash in between reads them again, deduplicated). */
  async put(accountId: string, scope: string, cursor: string | null, lastSeenAt: Date | null): Promise<void> {
    await this.ds.query(
      `INSERT INTO aduan_cursors (account_id, scope, cursor, last_seen_at, checked_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (account_id, scope) DO UPDATE SET cursor = COALESCE(EXCLUDED.cursor, aduan_cursors.cursor),
         last_seen_at = GREATEST(aduan_cursors.last_seen_at, EXCLUDED.last_seen_at), checked_at = now()`,
      [accountId, scope, cursor, lastSeenAt],
    );
  }
}
