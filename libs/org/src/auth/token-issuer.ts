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
}

/** A short-lived JWT for every request plus a refresh session whose token only the cookie holds. */
@Injectable()
export class TokenIssuer {
  constructor(
    @Inject(JWT_SERVICE) private readonly jwt: JwtService,
    @Inject(KABAR_CONFIG) private readonly config: KabarConfig,
    private readonly sessions: SessionsRepository,
  ) {}

  /** `sid` names the refresh session, so a password change can keep the caller's own session alive. */
  accessToken(userId: string, sessionId: string): Promise<string> {
    return this.jwt.signAsync({ sub: userId, sid: sessionId, typ: 'access' });
  }

  async issue(userId: string, sessionVersion: number, em?: EntityManager): Promise<IssuedTokens> {
    const { token, hash } = newOpaqueToken();
    const refreshExpiresAt = new Date(Date.now() + this.config.refreshTokenTtlSeconds * 1000);
    const ctx = currentContext();
    const sessionId = await this.sessions.create(
      { userId, tokenHash: hash, sessionVersion, expiresAt: refreshExpiresAt, ip: ctx?.ip, userAgent: ctx?.userAgent },
      em,
    );
    return { accessToken: await this.accessToken(userId, sessionId), refreshToken: token, refreshExpiresAt, sessionId };
  }
}
