import { DynamicModule } from '@nestjs/common';
import type { Request, Response } from 'express';
import { LoggerModule } from 'nestjs-pino';
import pino, { Logger as Pino } from 'pino';
import { currentContext } from '../http/request-context';
import { redact } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/**
 * The process's one pino logger: JSON lines on stdout (written through process.stdout, so a test can read them),
 * ISO time, the level by name, every secret-looking key redacted.
 */
export function rootLogger(level: LogLevel): Pino {
  return pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }), log: (obj) => redact(obj) as Record<string, unknown> },
    },
    { write: (line: string) => process.stdout.write(line) },
  );
}

/**
 * nestjs-pino over `logger`: Nest's own logs and every `new Logger(context)` in the libs go through it; inside a
 * request each line carries the request id (requestContextMiddleware's, itself X-Request-Id when sane); one
 * access line per request: method, path (no query string), status, time and user.
 */
export function loggerModule(logger: Pino): DynamicModule {
  return LoggerModule.forRoot({
    renameContext: 'context',
    pinoHttp: {
      logger,
      genReqId: (req) => currentContext()?.requestId ?? String(req.id ?? ''),
      customAttributeKeys: { reqId: 'requestId', responseTime: 'ms' },
      quietReqLogger: true,
      serializers: {
        req: (req: Request & { raw?: Request }) => ({ method: req.method, path: String((req.raw ?? req).originalUrl ?? req.url).split('?')[0] }),
        res: (res: Response & { raw?: Response }) => ({ status: (res.raw ?? res).statusCode }),
      },
      customProps: () => ({ context: 'http', userId: currentContext()?.userId }),
      customSuccessMessage: () => 'request',
      customErrorMessage: () => 'request',
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    },
  });
}
