import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { AppError } from '@kabar/common';
import { Principal } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { SessionsRepository } from '../auth/sessions.repository';
import { hashPassword, randomPassword } from './password-hasher';
import { PasswordResetService } from './password-reset.service';
import { UserAccess } from './user-access';
import { CreateUserDto, CreatedUserDto, MembershipInput, UpdateUserDto, UserDto, mapUser } from './user.dto';
import { UsersRepository } from './users.repository';

function isUniqueViolation(e: unknown): boolean {
  return e instanceof QueryFailedError && (e.driverError as { code?: string })?.code === '23505';
}

/** Users and their roles; every rule on who may do what lives in UserAccess. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly users: UsersRepository,
    private readonly access: UserAccess,
    private readonly audit: AuditService,
    private readonly sessions: SessionsRepository,
    private readonly resets: PasswordResetService,
  ) {}

  async list(p: Principal): Promise<UserDto[]> {
    this.access.requireManager(p);
    return (await this.users.list(this.access.scope(p))).map((u) => mapUser(u, this.access.visibleMembership(p)));
  }

  async get(p: Principal, id: string): Promise<UserDto> {
    return mapUser(await this.access.requireVisibleUser(p, id), this.access.visibleMembership(p));
  }

  async create(p: Principal, dto: CreateUserDto): Promise<CreatedUserDto> {
    this.access.requireManager(p);
    const memberships = dedupe(dto.memberships);
    for (const m of memberships) await this.access.requireGrantableUnit(p, m.unitId, m.role);
    if (await this.users.emailExists(dto.email)) throw AppError.conflict('users.emailTaken');
    const passwordHash = await hashPassword(dto.password ?? randomPassword(32));
    let userId = '';
    const passwordSetup = await this.ds
      .transaction(async (em) => {
        const user = await this.users.insert(em, { email: dto.email, name: dto.name.trim(), locale: dto.locale ?? 'id', passwordHash });
        userId = user.id;
        for (const m of memberships) await this.users.insertMembership(em, { userId: user.id, ...m });
        await this.audit.record(
          {
            action: 'user.create',
            objectType: 'user',
            objectId: user.id,
            unitId: memberships[0].unitId,
            details: { email: user.email, name: user.name, memberships },
          },
          em,
        );
        return dto.password ? undefined : this.resets.issueIn(em, user.id, p.userId);
      })
      .catch((e) => {
        throw isUniqueViolation(e) ? AppError.conflict('users.emailTaken') : e;
      });
    return { user: await this.get(p, userId), ...(passwordSetup ? { passwordSetup } : {}) };
  }

  async update(p: Principal, id: string, dto: UpdateUserDto): Promise<UserDto> {
    const user = await this.access.requireControlledUser(p, id);
    if (dto.disabled === true && id === p.userId) throw AppError.badRequest('users.cannotDisableSelf');
    const patch = {
      ...(dto.name !== undefined ? { name: dto.name.trim() } : {}),
      ...(dto.locale ? { locale: dto.locale } : {}),
      ...(dto.disabled !== undefined ? { disabled: dto.disabled } : {}),
    };
    const before = Object.fromEntries(Object.keys(patch).map((k) => [k, user[k as keyof typeof patch]]));
    await this.ds.transaction(async (em) => {
      await this.users.update(em, id, patch);
      if (dto.disabled) await this.sessions.revokeAllForUser(id, undefined, em);
      await this.audit.record({ action: 'user.update', objectType: 'user', objectId: id, details: { before, after: patch } }, em);
    });
    return this.get(p, id);
  }

  async addMembership(p: Principal, id: string, dto: MembershipInput): Promise<UserDto> {
    const user = await this.access.requireVisibleUser(p, id);
    await this.access.requireGrantableUnit(p, dto.unitId, dto.role, id);
    await this.ds
      .transaction(async (em) => {
        const m = await this.users.insertMembership(em, { userId: id, unitId: dto.unitId, role: dto.role });
        // who granted (actor_id, actor_email) what (role, unit_id) to whom (userId, email)
        await this.audit.record(
          {
            action: 'membership.create',
            objectType: 'membership',
            objectId: m.id,
            unitId: dto.unitId,
            details: { userId: id, email: user.email, role: dto.role },
          },
          em,
        );
      })
      .catch((e) => {
        throw isUniqueViolation(e) ? AppError.conflict('users.membershipExists') : e;
      });
    return this.get(p, id);
  }

  /** Returns nothing: after the removal the user may lie outside the caller's scope. */
  async removeMembership(p: Principal, id: string, membershipId: string): Promise<void> {
    const user = await this.access.requireVisibleUser(p, id);
    const m = user.memberships.find((x) => x.id === membershipId);
    if (!m || !this.access.visibleMembership(p)(m)) throw AppError.notFound('users.membershipNotFound');
    this.access.requireRemovable(p, m);
    await this.ds.transaction(async (em) => {
      await this.users.deleteMembership(em, m.id);
      if (m.role === 'admin' && m.unit.parentId === null && (await this.users.countCityAdmins(em)) === 0) throw AppError.conflict('users.lastCityAdmin');
      await this.audit.record(
        { action: 'membership.delete', objectType: 'membership', objectId: m.id, unitId: m.unitId, details: { userId: id, email: user.email, role: m.role } },
        em,
      );
    });
  }
}

function dedupe(ms: MembershipInput[]): MembershipInput[] {
  const seen = new Set<string>();
  return ms.filter((m) => !seen.has(`${m.unitId}:${m.role}`) && !!seen.add(`${m.unitId}:${m.role}`)).map((m) => ({ unitId: m.unitId, role: m.role }));
}
