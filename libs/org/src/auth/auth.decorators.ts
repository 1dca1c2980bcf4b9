import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import { Principal } from '../access/principal';

export const IS_PUBLIC = 'kabar:isPublic';
/** The route needs no login (health, login, OAuth callbacks, feeds with their own secret). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export interface AuthedRequest extends Request {
  principal?: Principal;
  authVia?: 'bearer' | 'cookie';
  /** The session family the access token was issued in (its `sid`), checked live on every request. */
  sessionId?: string;
}

/** The logged-in caller, set by the AuthGuard. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const req = ctx.switchToHttp().getRequest<AuthedRequest>();
  return req.principal!;
});
