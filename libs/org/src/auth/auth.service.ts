import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError } from '@kabar/common';
import { AuditService } from '../audit/audit.service';
import { sha256, verifyPassword } from '../users/password-hasher';
import { UsersRepository } from '../users/users.repository';
import { AccountService } from './account.service';
import { LoginDto, SessionDto } from './auth.dto';
import { LoginThrottle } from './login-throttle.service';
import { SessionsRepository } from './sessions.repository';
import { IssuedTokens, TokenIssuer } from './token-issuer';

export interface LoginResult {
  session: SessionDto;
  tokens: IssuedTokens;
}

/** Log in, refresh (rotating the refresh token), log out. */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly throttle: LoginThrottle,
    private readonly issuer: TokenIssuer,
    private readonly account: AccountService,
    private readonly audit: AuditService,
  ) {}

  async login(dto: LoginDto, ip: string): Promise<LoginResult> {
    const email = dto.email.trim().toLowerCase();
    try {
      await this.throttle.check(email, ip);
    } catch (e) {
      await this.audit.record({ action: 'auth.login.refused', objectType: 'user', actorId: null, details: { email } });
      throw e;
    }
    const user = await this.users.findForLogin(email);
    const ok = await verifyPassword(user?.passwordHash, dto.password);
    if (!user || !ok || user.disabled) {
      await this.throttle.failed(email, ip);
      const reason = !user ? 'unknownEmail' : !ok ? 'wrongPassword' : 'disabled';
      await this.audit.record({ action: 'auth.login.failure', objectType: 'user', objectId: user?.id ?? null, actorId: null, details: { email, reason } });
      throw AppError.unauthorized('auth.invalidCredentials');
    }
    await this.throttle.succeeded(email, ip);
    const tokens = await this.ds.transaction(async (em) => {
      const issued = await this.issuer.issue(user.id, user.sessionVersion, em);
      await this.audit.record({ action: 'auth.login', objectType: 'user', objectId: user.id, actorId: user.id, details: { sessionId: issued.sessionId } }, em);
      return issued;
    });
    return { tokens, session: { accessToken: tokens.accessToken, user: await this.account.me(user.id) } };
  }

  /**
   * Trades a live refresh token for a new one (the old one is revoked). A token presented after it was
   * rotated away means it leaked: every session of that user is ended.
   */
  async refresh(refreshToken: string | undefined): Promise<LoginResult> {
    const s = refreshToken ? await this.sessions.findByHash(sha256(refreshToken)) : null;
    if (!s) throw AppError.unauthorized('auth.sessionExpired');
    if (s.rotatedAt) {
      await this.sessions.revokeAllForUser(s.userId);
      await this.audit.record({ action: 'auth.refresh.reuse', objectType: 'session', objectId: s.id, actorId: s.userId });
      throw AppError.unauthorized('auth.sessionExpired');
    }
    if (s.revokedAt) throw AppError.unauthorized('auth.sessionExpired');
    const user = await this.users.findPasswordHash(s.userId);
    if (new Date(s.expiresAt) <= new Date() || !user || user.disabled || user.sessionVersion !== s.sessionVersion) {
      await this.sessions.revoke(s.id);
      throw AppError.unauthorized('auth.sessionExpired');
    }
    const tokens = await this.ds.transaction(async (em) => {
      if (!(await this.sessions.revoke(s.id, em, true))) throw AppError.unauthorized('auth.sessionExpired');
      return this.issuer.issue(user.id, user.sessionVersion, em, s.familyId);
    });
    return { tokens, session: { accessToken: tokens.accessToken, user: await this.account.me(user.id) } };
  }

  /**
   * Ends the session family of the refresh cookie, or else of the access token (`sid`, a Bearer client):
   * the refresh token and every access token issued in that login stop working at once.
   */
  async logout(refreshToken: string | undefined, access?: { userId: string; familyId?: string }): Promise<void> {
    const s = refreshToken ? await this.sessions.findByHash(sha256(refreshToken)) : null;
    const family = s ? { userId: s.userId, familyId: s.familyId } : access?.familyId ? { userId: access.userId, familyId: access.familyId } : null;
    if (!family) return;
    await this.ds.transaction(async (em) => {
      if (!(await this.sessions.revokeFamily(family.familyId, family.userId, em))) return;
      await this.audit.record({ action: 'auth.logout', objectType: 'session', objectId: s?.id ?? family.familyId, actorId: family.userId }, em);
    });
  }
}
