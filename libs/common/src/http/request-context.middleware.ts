import { randomUUID } from 'crypto';
import type { NextFunction, Request, Response } from 'express';
import { localeFromHeader } from '@kabar/i18n';
import { runWithContext } from './request-context';
import { JsonLogger } from '../logging/json-logger';

/** Gives each request an id (kept from X-Request-Id when sane), a locale, and one access log line. */
export function requestContextMiddleware(logger: JsonLogger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const incoming = req.header('x-request-id');
    const requestId = incoming && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    const ctx = { requestId, locale: localeFromHeader(req.header('accept-language')), ip: req.ip, userAgent: req.header('user-agent')?.slice(0, 300) };
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      runWithContext(ctx, () =>
        logger.info(
          'request',
          { method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10, userId: (ctx as { userId?: string }).userId },
          'http',
        ),
      );
    });
    runWithContext(ctx, () => next());
  };
}
