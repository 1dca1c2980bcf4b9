import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import { Principal } from '../access/principal';
import { Role } from '../entities/membership.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Loads a user and their memberships (with unit paths) in one query, on every authenticated request; null when
 * the user is missing or disabled, or when the session family named by the access token has no live session
 * any more (logout, password change or reset, deactivation, refresh-token reuse). The session check rides in
 * the same query (one partial-index lookup, auth_sessions_family_live_idx), with no cache: access ends at once.
 */
@Injectable()
export class PrincipalLoader {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async load(userId: string, familyId: string | undefined): Promise<Principal | null> {
    if (!familyId || !UUID.test(familyId) || !UUID.test(userId)) return null;
    const rows: Array<{
      id: string;
      email: string;
      name: string;
      locale: 'id' | 'en';
      disabled: boolean;
      unit_id: string | null;
      role: Role | null;
      path: string | null;
      parent_id: string | null;
      kind: string | null;
    }> = await this.ds.query(
      `SELECT u.id, u.email, u.name, u.locale, u.disabled, m.unit_id, m.role, un.path, un.parent_id, un.kind
           FROM users u
           LEFT JOIN memberships m ON m.user_id = u.id
           LEFT JOIN units un ON un.id = m.unit_id
          WHERE u.id = $1
            AND EXISTS (SELECT 1 FROM auth_sessions s
                         WHERE s.family_id = $2 AND s.user_id = $1 AND s.revoked_at IS NULL AND s.expires_at > now())`,
      [userId, familyId],
    );
    if (!rows.length || rows[0].disabled) return null;
    const u = rows[0];
    return {
      userId: u.id,
      email: u.email,
      name: u.name,
      locale: u.locale,
      memberships: rows
        .filter((r) => r.unit_id)
        .map((r) => ({ unitId: r.unit_id!, role: r.role!, path: r.path!, isRoot: r.parent_id === null, kind: r.kind! })),
    };
  }
}
