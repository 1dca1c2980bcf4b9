import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Locale, fieldLabel, translate, hasKey } from '@kabar/i18n';
import { AppError, ErrorDetail } from '../errors/app-error';
import { currentContext } from './request-context';
import { databaseRefused, databaseUnavailable } from './database-errors';
import { MAX_JSON_DEPTH } from './json-depth';

const STATUS_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const DEFAULT_KEYS: Record<number, string> = {
  400: 'errors.badRequest',
  401: 'errors.unauthorized',
  403: 'errors.forbidden',
  404: 'errors.notFound',
  409: 'errors.conflict',
  413: 'errors.payloadTooLarge',
  429: 'errors.tooManyRequests',
};

/**
 * The fields of a refused request, each once, as the user sees them: a generic rule ("Wajib diisi.") after the
 * field's name in the user's language ("Unit (keanggotaan 1): wajib diisi"), a domain message, which names its own
 * subject, as it is. Each detail keeps its bare rule for the form to show beside its field.
 */
function summary(locale: Locale, details: Array<{ field: string; code: string; message: string }>): string {
  const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s);
  const lines = details.map((d) => {
    const text = d.message.replace(/\.$/, '');
    return d.code.startsWith('validation.') || !hasKey(d.code) ? `${fieldLabel(locale, d.field)}: ${lowerFirst(text)}` : text;
  });
  return [...new Set(lines)].join('; ');
}

/** Maps any thrown error to `{statusCode, error, message, details?}` in the caller's language. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost) {
    const res = host.switchToHttp().getResponse<Response>();
    const req = host.switchToHttp().getRequest<Request>();
    const locale: Locale = currentContext()?.locale ?? 'id';
    const appError = this.toAppError(exception, req);
    if (appError.status === 503) this.logger.warn(`database unavailable: ${exception instanceof Error ? exception.message : String(exception)}`);
    else if (appError.status >= 500) this.logger.error(exception instanceof Error ? exception : String(exception));
    const details = appError.details.map((d: ErrorDetail) => ({
      field: d.field,
      code: d.code,
      message: translate(locale, hasKey(d.code) ? d.code : 'validation.invalid', d.params),
    }));
    const params = { ...appError.params };
    if (appError.key === 'validation.failed') params.fields = summary(locale, details);
    const body: Record<string, unknown> = {
      statusCode: appError.status,
      error: STATUS_NAMES[appError.status] ?? 'Error',
      message: translate(locale, appError.key, params),
      code: appError.key,
    };
    if (details.length) body.details = details;
    if ((appError.status === 429 || appError.status === 503) && typeof appError.params.retryAfterSeconds === 'number') {
      res.setHeader('Retry-After', String(appError.params.retryAfterSeconds));
    }
    res.status(appError.status).json(body);
  }

  private toAppError(exception: unknown, req: Request): AppError {
    if (exception instanceof AppError) return exception;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 404 && !(exception.getResponse() as { key?: string }).key) {
        return new AppError(404, 'errors.routeNotFound', { path: req.path });
      }
      const cause = exception.cause as { type?: string } | undefined;
      if (status === 400 && (exception.message.includes('JSON') || cause?.type === 'entity.parse.failed')) {
        return new AppError(400, 'errors.invalidJson');
      }
      return new AppError(status, DEFAULT_KEYS[status] ?? (status >= 500 ? 'errors.internal' : 'errors.badRequest'));
    }
    const unavailable = databaseUnavailable(exception);
    if (unavailable) return unavailable;
    const refused = databaseRefused(exception);
    if (refused) {
      this.logger.warn(`database refused a request: ${exception instanceof Error ? exception.message : String(exception)}`);
      return refused;
    }
    const err = exception as { type?: string; status?: number };
    if (err?.type === 'entity.parse.failed') return new AppError(400, 'errors.invalidJson');
    if (err?.type === 'entity.too.large') return new AppError(413, 'errors.payloadTooLarge');
    if (err?.type === 'entity.too.deep') return new AppError(400, 'errors.jsonTooDeep', { max: MAX_JSON_DEPTH });
    if (exception instanceof RangeError && /call stack/i.test(exception.message)) return new AppError(400, 'errors.tooComplex');
    return new AppError(500, 'errors.internal');
  }
}
