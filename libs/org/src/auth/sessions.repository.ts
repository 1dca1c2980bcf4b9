import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface SessionRow {
  id: string;
  userId: string;
  sessionVersion: number;
  expiresAt: Date;
  revokedAt: Date | null;
  rotatedAt: Date | null;
}

/** Refresh sessions (auth_sessions) and password reset tokens: only sha256 hashes of the tokens are stored. */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private q(em?: EntityManager) {
    return em ?? this.ds.manager;
  }

  async create(
    s: { userId: string; tokenHash: string; sessionVersion: number; expiresAt: Date; ip?: string; userAgent?: string },
    em?: EntityManager,
  ): Promise<string> {
    const [row] = await this.q(em).query(
      `INSERT INTO auth_sessions (user_id, token_hash, session_version, expires_at, ip, user_agent) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [s.userId, s.tokenHash, s.sessionVersion, s.expiresAt, s.ip?.slice(0, 64) ?? null, s.userAgent?.slice(0, 300) ?? null],
    );
    return row.id;
  }

  async findByHash(tokenHash: string): Promise<SessionRow | null> {
    const rows = await this.ds.query(
      `SELECT id, user_id AS "userId", session_version AS "sessionVersion", expires_at AS "expiresAt", revoked_at AS "revokedAt", rotated_at AS "rotatedAt" FROM auth_sessions WHERE token_hash = $1`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  async isLive(id: string, userId: string): Promise<boolean> {
    const rows = await this.ds.query(`SELECT 1 FROM auth_sessions WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL AND expires_at > now()`, [id, userId]);
    return rows.length > 0;
  }

  /** Revokes one session if still live; false when someone else revoked it first (a replayed token). */
  async revoke(id: string, em?: EntityManager, rotated = false): Promise<boolean> {
    const res: unknown[] = await this.q(em).query(
      `UPDATE auth_sessions SET revoked_at = now(), rotated_at = CASE WHEN $2 THEN now() END WHERE id = $1 AND revoked_at IS NULL RETURNING id`,
      [id, rotated],
    );
    const rows = (Array.isArray(res[0]) ? res[0] : res) as unknown[];
    return rows.length > 0;
  }

  async revokeAllForUser(userId: string, exceptId?: string, em?: EntityManager): Promise<void> {
    await this.q(em).query(`UPDATE auth_sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND id IS DISTINCT FROM $2`, [
      userId,
      exceptId ?? null,
    ]);
  }

  async setVersion(id: string, sessionVersion: number, em?: EntityManager): Promise<void> {
    await this.q(em).query(`UPDATE auth_sessions SET session_version = $2 WHERE id = $1`, [id, sessionVersion]);
  }

  async createReset(r: { userId: string; tokenHash: string; createdBy: string; expiresAt: Date }, em?: EntityManager): Promise<void> {
    await this.q(em).query(`INSERT INTO password_resets (user_id, token_hash, created_by, expires_at) VALUES ($1, $2, $3, $4)`, [
      r.userId,
      r.tokenHash,
      r.createdBy,
      r.expiresAt,
    ]);
  }

  /** Marks a live reset token used and returns its user, atomically; null when unknown, used or expired. */
  async consumeReset(tokenHash: string, em: EntityManager): Promise<string | null> {
    const res: unknown[] = await em.query(
      `UPDATE password_resets SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING user_id`,
      [tokenHash],
    );
    const rows = (Array.isArray(res[0]) ? res[0] : res) as Array<{ user_id: string }>;
    return rows[0]?.user_id ?? null;
  }
}
