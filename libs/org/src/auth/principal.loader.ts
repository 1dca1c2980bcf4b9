import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import { Principal } from '../access/principal';
import { Role } from '../entities/membership.entity';

/** Loads a user and their memberships (with unit paths) in one query; null when missing or disabled. */
@Injectable()
export class PrincipalLoader {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async load(userId: string): Promise<Principal | null> {
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
    }> = await this.ds.query(
      `SELECT u.id, u.email, u.name, u.locale, u.disabled, m.unit_id, m.role, un.path, un.parent_id
           FROM users u
           LEFT JOIN memberships m ON m.user_id = u.id
           LEFT JOIN units un ON un.id = m.unit_id
          WHERE u.id = $1`,
      [userId],
    );
    if (!rows.length || rows[0].disabled) return null;
    const u = rows[0];
    return {
      userId: u.id,
      email: u.email,
      name: u.name,
      locale: u.locale,
      memberships: rows.filter((r) => r.unit_id).map((r) => ({ unitId: r.unit_id!, role: r.role!, path: r.path!, isRoot: r.parent_id === null })),
    };
  }
}
