import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError } from '@kabar/common';
import { Principal } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { hashPassword, verifyPassword } from '../users/password-hasher';
import { mapUser } from '../users/user.dto';
import { UsersRepository } from '../users/users.repository';
import { ChangePasswordDto, MeDto } from './auth.dto';
import { SessionsRepository } from './sessions.repository';

/** The caller's own account: who am I, change my password. */
@Injectable()
export class AccountService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly audit: AuditService,
  ) {}

  async me(userId: string): Promise<MeDto> {
    const user = await this.users.findWithMemberships(userId);
    if (!user || user.disabled) throw AppError.unauthorized('auth.sessionExpired');
    const { id, email, name, locale, memberships } = mapUser(user);
    const isCityAdmin = user.memberships.some((m) => m.role === 'admin' && m.unit.parentId === null);
    return { id, email, name, locale, isCityAdmin, canManageUsers: memberships.some((m) => m.role === 'admin'), memberships };
  }

  /** Bumps the session version: every other session ends at once; the caller's own (the family named in its access token) lives on. */
  async changePassword(p: Principal, dto: ChangePasswordDto, familyId: string | undefined): Promise<void> {
    const user = await this.users.findPasswordHash(p.userId);
    if (!user || !(await verifyPassword(user.passwordHash, dto.currentPassword))) {
      throw AppError.badRequest('auth.currentPasswordWrong', {}, [{ field: 'currentPassword', code: 'auth.currentPasswordWrong' }]);
    }
    const passwordHash = await hashPassword(dto.newPassword);
    const keep = familyId ? await this.sessions.liveInFamily(familyId, p.userId) : null;
    await this.ds.transaction(async (em) => {
      const version = await this.users.setPassword(em, p.userId, passwordHash);
      await this.sessions.revokeAllForUser(p.userId, keep ? familyId : undefined, em);
      if (keep) await this.sessions.setVersion(keep, version, em);
      await this.audit.record({ action: 'user.password.change', objectType: 'user', objectId: p.userId, details: { otherSessionsEnded: true } }, em);
    });
  }
}
