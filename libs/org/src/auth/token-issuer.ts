import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { EntityManager } from 'typeorm';
import { KABAR_CONFIG, currentContext } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { newOpaqueToken } from '../users/password-hasher';
import { JWT_SERVICE } from './auth.guard';
import { SessionsRepository } from './sessions.repository';

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  refreshExpiresAt: Date;
  sessionId: string;
  familyId: string;
}

/** A short-lived JWT for every request plus a refresh session whose token only the cookie holds. */
@Injectable()
export class TokenIssuer {
  constructor(
    @Inject(JWT_SERVICE) private readonly jwt: JwtService,
    @Inject(KABAR_CONFIG) private readonly config: KabarConfig,
    private readonly sessions: SessionsRepository,
  ) {}

  /**
   * `sid` names the session family: the AuthGuard checks on every request that it is still live, and a
   * password change keeps the caller's own family alive.
   */
  accessToken(userId: string, familyId: string): Promise<string> {
    return this.jwt.signAsync({ sub: userId, sid: familyId, typ: 'access' });
  }

  /** A new refresh session: in `familyId` when rotating, else the start of a new family (a login). */
  async issue(userId: string, sessionVersion: number, em?: EntityManager, familyId?: string): Promise<IssuedTokens> {
    const { token, hash } = newOpaqueToken();
    const refreshExpiresAt = new Date(Date.now() + this.config.refreshTokenTtlSeconds * 1000);
    const ctx = currentContext();
    const session = await this.sessions.create(
      { userId, tokenHash: hash, sessionVersion, expiresAt: refreshExpiresAt, familyId, ip: ctx?.ip, userAgent: ctx?.userAgent },
      em,
    );
    return {
      accessToken: await this.accessToken(userId, session.familyId),
      refreshToken: token,
      refreshExpiresAt,
      sessionId: session.id,
      familyId: session.familyId,
    };
  }
}
