import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import { MembershipEntity, Role } from '../entities/membership.entity';
import { UserEntity } from '../entities/user.entity';

export type ScopeFn = (qb: SelectQueryBuilder<MembershipEntity>, unitIdColumn: string) => SelectQueryBuilder<MembershipEntity>;

export interface NewUser {
  email: string;
  name: string;
  locale: 'id' | 'en';
  passwordHash: string;
}

@Injectable()
export class UsersRepository {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>,
  ) {}

  /** The user with its password hash, for login only. */
  findForLogin(email: string): Promise<UserEntity | null> {
    return this.users.createQueryBuilder('u').addSelect('u.passwordHash').where('u.email = :email', { email: email.toLowerCase() }).getOne();
  }

  findPasswordHash(id: string): Promise<UserEntity | null> {
    return this.users.createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :id', { id }).getOne();
  }

  /** A user with every membership and its unit. */
  findWithMemberships(id: string): Promise<UserEntity | null> {
    return this.users
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.memberships', 'm')
      .leftJoinAndSelect('m.unit', 'mu')
      .where('u.id = :id', { id })
      .orderBy('m.created_at', 'ASC')
      .getOne();
  }

  /** Users holding a membership inside the scope (or every user when `scope` is null), with their memberships. */
  async list(scope: ScopeFn | null, limit = 500): Promise<UserEntity[]> {
    const qb = this.users.createQueryBuilder('u').leftJoinAndSelect('u.memberships', 'm').leftJoinAndSelect('m.unit', 'mu').orderBy('u.name', 'ASC');
    if (scope) {
      const ids = await scope(this.memberships.createQueryBuilder('sm').select('DISTINCT sm.user_id', 'user_id'), 'sm.unit_id')
        .limit(limit)
        .getRawMany<{ user_id: string }>();
      if (!ids.length) return [];
      qb.where('u.id IN (:...ids)', { ids: ids.map((r) => r.user_id) });
    }
    return qb.getMany();
  }

  emailExists(email: string, em?: EntityManager): Promise<boolean> {
    return (em?.getRepository(UserEntity) ?? this.users).exists({ where: { email: email.toLowerCase() } });
  }

  async count(): Promise<number> {
    return this.users.count();
  }

  async insert(em: EntityManager, u: NewUser): Promise<UserEntity> {
    const repo = em.getRepository(UserEntity);
    return repo.save(repo.create({ ...u, email: u.email.toLowerCase() }));
  }

  async update(em: EntityManager, id: string, patch: Partial<Pick<UserEntity, 'name' | 'locale' | 'disabled'>>): Promise<void> {
    await em.getRepository(UserEntity).update({ id }, patch);
  }

  /** Sets a new password hash and bumps the session version, so older refresh sessions stop working. Returns the new version. */
  async setPassword(em: EntityManager, id: string, passwordHash: string): Promise<number> {
    const res: unknown[] = await em.query(
      `UPDATE users SET password_hash = $2, session_version = session_version + 1, updated_at = now() WHERE id = $1 RETURNING session_version`,
      [id, passwordHash],
    );
    const rows = (Array.isArray(res[0]) ? res[0] : res) as Array<{ session_version: number }>;
    return rows[0].session_version;
  }

  async insertMembership(em: EntityManager, m: { userId: string; unitId: string; role: Role }): Promise<MembershipEntity> {
    const repo = em.getRepository(MembershipEntity);
    return repo.save(repo.create(m));
  }

  findMembership(id: string): Promise<MembershipEntity | null> {
    return this.memberships.findOne({ where: { id }, relations: { unit: true } });
  }

  async deleteMembership(em: EntityManager, id: string): Promise<void> {
    await em.getRepository(MembershipEntity).delete({ id });
  }

  /** Active users holding admin on a root unit (the city admins). */
  async countCityAdmins(em: EntityManager): Promise<number> {
    const [{ n }] = await em.query(
      `SELECT count(DISTINCT m.user_id)::int AS n FROM memberships m JOIN units un ON un.id = m.unit_id JOIN users u ON u.id = m.user_id
        WHERE m.role = 'admin' AND un.parent_id IS NULL AND NOT u.disabled`,
    );
    return n;
  }
}
