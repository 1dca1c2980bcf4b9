import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface OAuthStateRow {
  state: string;
  platform: string;
  unit_id: string;
  user_id: string;
  account_id: string | null;
  code_verifier_enc: string;
  expires_at: Date;
}

@Injectable()
export class OAuthStatesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async insert(row: Omit<OAuthStateRow, 'expires_at'> & { ttlSeconds: number }): Promise<void> {
    await this.ds.query(
      `INSERT INTO oauth_states (state, platform, unit_id, user_id, account_id, code_verifier_enc, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7))`,
      [row.state, row.platform, row.unit_id, row.user_id, row.account_id, row.code_verifier_enc, row.ttlSeconds],
    );
    await this.ds.query(`DELETE FROM oauth_states WHERE expires_at < now() - interval '1 day'`);
  }

  /** Takes the state once: a replayed callback finds nothing. */
  async take(state: string): Promise<OAuthStateRow | null> {
    // TypeORM answers a DELETE … RETURNING with [rows, affectedCount]
    const [rows] = (await this.ds.query(`DELETE FROM oauth_states WHERE state = $1 RETURNING *`, [state])) as [OAuthStateRow[], number];
    return rows[0] ?? null;
  }
}
