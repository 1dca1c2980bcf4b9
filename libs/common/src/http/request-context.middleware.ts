import { randomUUID } from 'crypto';
import type { NextFunction, Request, Response } from 'express';
import { localeFromHeader } from '@kabar/i18n';
import { runWithContext } from './request-context';

/** Gives each request an id (kept from X-Request-Id when sane) and a locale; the logger's access line reads both. */
export function requestContextMiddleware() {
  return (req: Request, res: Response, next: NextFunction) => {
    const incoming = req.header('x-request-id');
    const requestId = incoming && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    const ctx = { requestId, locale: localeFromHeader(req.header('accept-language')), ip: req.ip, userAgent: req.header('user-agent')?.slice(0, 300) };
    runWithContext(ctx, () => next());
  };
}
