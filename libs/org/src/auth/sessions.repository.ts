import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface SessionRow {
  id: string;
  /** The login this session descends from by rotation; access tokens name it (`sid`). */
  familyId: string;
  userId: string;
  sessionVersion: number;
  expiresAt: Date;
  revokedAt: Date | null;
  rotatedAt: Date | null;
}

/**
 * Refresh sessions (auth_sessions) and password reset tokens: only sha256 hashes of the tokens are stored.
 * A login starts a family; each refresh revokes the family's session and adds the next one, so a live family
 * has exactly one unrevoked session. Ending that session ends the family and every access token naming it.
 */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private q(em?: EntityManager) {
    return em ?? this.ds.manager;
  }

  /** A new session, in `familyId` (a rotation) or starting a family of its own (a login). */
  async create(
    s: { userId: string; tokenHash: string; sessionVersion: number; expiresAt: Date; familyId?: string; ip?: string; userAgent?: string },
    em?: EntityManager,
  ): Promise<{ id: string; familyId: string }> {
    const [row] = await this.q(em).query(
      `INSERT INTO auth_sessions (user_id, token_hash, session_version, expires_at, ip, user_agent, family_id)
       VALUES ($1, $2, $3, $4, $5, $6, coalesce($7::uuid, gen_random_uuid())) RETURNING id, family_id AS "familyId"`,
      [s.userId, s.tokenHash, s.sessionVersion, s.expiresAt, s.ip?.slice(0, 64) ?? null, s.userAgent?.slice(0, 300) ?? null, s.familyId ?? null],
    );
    return row;
  }

  async findByHash(tokenHash: string): Promise<SessionRow | null> {
    const rows = await this.ds.query(
      `SELECT id, family_id AS "familyId", user_id AS "userId", session_version AS "sessionVersion", expires_at AS "expiresAt", revoked_at AS "revokedAt", rotated_at AS "rotatedAt" FROM auth_sessions WHERE token_hash = $1`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /** The live session of a family of this user, if any. */
  async liveInFamily(familyId: string, userId: string): Promise<string | null> {
    const rows = await this.ds.query(`SELECT id FROM auth_sessions WHERE family_id = $1 AND user_id = $2 AND revoked_at IS NULL AND expires_at > now()`, [
      familyId,
      userId,
    ]);
    return rows[0]?.id ?? null;
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

  /** Ends a whole family (logout): its live session, hence every access token issued in it. */
  async revokeFamily(familyId: string, userId: string, em?: EntityManager): Promise<boolean> {
    const res: unknown[] = await this.q(em).query(
      `UPDATE auth_sessions SET revoked_at = now() WHERE family_id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id`,
      [familyId, userId],
    );
    const rows = (Array.isArray(res[0]) ? res[0] : res) as unknown[];
    return rows.length > 0;
  }

  /** Ends every session of the user but those of `exceptFamilyId` (the caller's own, on a password change). */
  async revokeAllForUser(userId: string, exceptFamilyId?: string, em?: EntityManager): Promise<void> {
    await this.q(em).query(`UPDATE auth_sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND family_id IS DISTINCT FROM $2`, [
      userId,
      exceptFamilyId ?? null,
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

  /** Whether a reset token is known, unused and unexpired (checked before any hashing). */
  async isResetLive(tokenHash: string): Promise<boolean> {
    const rows = await this.ds.query(`SELECT 1 FROM password_resets WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()`, [tokenHash]);
    return rows.length > 0;
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
