import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { KABAR_CONFIG } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { ACCESS_COOKIE } from './auth.guard';
import { IssuedTokens } from './token-issuer';

export const REFRESH_COOKIE = 'kabar_rt';
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

/**
 * The console's session lives in two httpOnly cookies: the access token (SameSite=Lax, every path) and the
 * refresh token (SameSite=Strict, sent only to /api/v1/auth). Secure whenever the site is served over https.
 */
@Injectable()
export class AuthCookies {
  constructor(@Inject(KABAR_CONFIG) private readonly config: KabarConfig) {}

  private secure(req: Request): boolean {
    // production: always Secure (behind a TLS-terminating proxy, see KABAR_TRUST_PROXY)
    return this.config.nodeEnv === 'production' || req.secure || !!this.config.publicUrl?.startsWith('https:');
  }

  set(req: Request, res: Response, tokens: Pick<IssuedTokens, 'accessToken' | 'refreshToken' | 'refreshExpiresAt'>): void {
    const secure = this.secure(req);
    res.cookie(ACCESS_COOKIE, tokens.accessToken, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: this.config.accessTokenTtlSeconds * 1000 });
    res.cookie(REFRESH_COOKIE, tokens.refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure,
      path: REFRESH_COOKIE_PATH,
      expires: tokens.refreshExpiresAt,
    });
  }

  clear(req: Request, res: Response): void {
    const secure = this.secure(req);
    res.clearCookie(ACCESS_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
    res.clearCookie(REFRESH_COOKIE, { httpOnly: true, sameSite: 'strict', secure, path: REFRESH_COOKIE_PATH });
  }

  refreshToken(req: Request): string | undefined {
    const value = (req.cookies as Record<string, string> | undefined)?.[REFRESH_COOKIE];
    return typeof value === 'string' && value.length <= 100 ? value : undefined;
  }
}
