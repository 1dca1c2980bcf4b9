import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppError, KABAR_CONFIG } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { Principal } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { SessionsRepository } from '../auth/sessions.repository';
import { hashPassword, newOpaqueToken, sha256 } from './password-hasher';
import { UserAccess } from './user-access';
import { PasswordResetDto } from './user.dto';
import { UsersRepository } from './users.repository';

export const RESET_TTL_SECONDS = 24 * 3600;

/** Admin-issued, single-use reset links: the token is shown once to the admin, only its hash is kept. */
@Injectable()
export class PasswordResetService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(KABAR_CONFIG) private readonly config: KabarConfig,
    private readonly sessions: SessionsRepository,
    private readonly users: UsersRepository,
    private readonly access: UserAccess,
    private readonly audit: AuditService,
  ) {}

  /** An admin reset says the current password is not to be trusted: the user's sessions end now, not at its use. */
  async issue(p: Principal, userId: string): Promise<PasswordResetDto> {
    await this.access.requireControlledUser(p, userId);
    return this.ds.transaction(async (em) => {
      const dto = await this.issueIn(em, userId, p.userId);
      await this.sessions.revokeAllForUser(userId, undefined, em);
      await this.audit.record({ action: 'user.password.resetIssued', objectType: 'user', objectId: userId, details: { expiresAt: dto.expiresAt } }, em);
      return dto;
    });
  }

  /** Inside the caller's transaction (also used when a user is created without a password). */
  async issueIn(em: EntityManager, userId: string, createdBy: string): Promise<PasswordResetDto> {
    const { token, hash } = newOpaqueToken();
    const expiresAt = new Date(Date.now() + RESET_TTL_SECONDS * 1000);
    await this.sessions.createReset({ userId, tokenHash: hash, createdBy, expiresAt }, em);
    const base = this.config.publicUrl ?? `http://localhost:${this.config.port}`;
    return { resetUrl: `${base}/reset-password?token=${token}`, token, expiresAt: expiresAt.toISOString() };
  }

  /**
   * Public: sets the password, ends every session of the user. The token is checked before the new password
   * is hashed (argon2id, 64 MiB): a wrong token costs one index lookup, not a hash.
   */
  async reset(token: string, newPassword: string): Promise<void> {
    const tokenHash = sha256(token);
    if (!(await this.sessions.isResetLive(tokenHash))) throw AppError.badRequest('auth.resetTokenInvalid');
    const passwordHash = await hashPassword(newPassword);
    await this.ds.transaction(async (em) => {
      const userId = await this.sessions.consumeReset(tokenHash, em);
      if (!userId) throw AppError.badRequest('auth.resetTokenInvalid');
      await this.users.setPassword(em, userId, passwordHash);
      await this.sessions.revokeAllForUser(userId, undefined, em);
      await this.audit.record({ action: 'user.password.reset', objectType: 'user', objectId: userId, actorId: userId }, em);
    });
  }
}
