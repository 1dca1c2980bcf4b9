import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { AppError, KABAR_CONFIG, currentContext } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { isLocale } from '@kabar/i18n';
import { isCrossSiteWrite } from './csrf';
import { PrincipalLoader } from './principal.loader';
import { AuthedRequest, IS_PUBLIC } from './auth.decorators';

export const ACCESS_COOKIE = 'kabar_at';
export const JWT_SERVICE = 'KABAR_JWT_SERVICE';

/**
 * Global guard: every route needs a valid access token (Bearer header, or the console's httpOnly cookie)
 * unless marked @Public(). The caller's locale then follows their profile. Cookie-borne writes from a
 * foreign origin are refused first (see csrf.ts), public routes included.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(JWT_SERVICE) private readonly jwt: JwtService,
    private readonly principals: PrincipalLoader,
    @Inject(KABAR_CONFIG) private readonly config: KabarConfig,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()]);
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    if (isCrossSiteWrite(req, this.config.publicUrl)) throw AppError.forbidden('auth.csrfRefused');
    const header = req.header('authorization');
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const cookie = (req.cookies as Record<string, string> | undefined)?.[ACCESS_COOKIE];
    const token = bearer ?? cookie;
    if (!token) {
      if (isPublic) return true;
      throw AppError.unauthorized();
    }
    let sub: string;
    let sid: string | undefined;
    try {
      ({ sub, sid } = await this.jwt.verifyAsync<{ sub: string; sid?: string; typ: string }>(token));
    } catch {
      if (isPublic) return true;
      throw AppError.unauthorized('auth.sessionExpired');
    }
    const principal = await this.principals.load(sub, sid);
    if (!principal) {
      if (isPublic) return true;
      throw AppError.unauthorized('auth.sessionExpired');
    }
    req.principal = principal;
    req.authVia = bearer ? 'bearer' : 'cookie';
    req.sessionId = sid;
    const rc = currentContext();
    if (rc) {
      rc.userId = principal.userId;
      if (!namesLocale(req.header('accept-language'))) rc.locale = principal.locale;
    }
    return true;
  }
}

/** Whether Accept-Language names one of our locales (fetch clients send "*", which should not override the profile). */
function namesLocale(header: string | undefined): boolean {
  return !!header?.split(',').some((part) => isLocale(part.trim().split(/[-;]/)[0].toLowerCase()));
}
