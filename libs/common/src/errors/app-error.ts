/**
 * The one error type of Kabar's domain code. It carries an i18n key, never a sentence:
 * the HTTP filter translates it into the caller's language.
 */
export interface ErrorDetail {
  field: string;
  code: string;
  params?: Record<string, unknown>;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly key: string,
    readonly params: Record<string, unknown> = {},
    readonly details: ErrorDetail[] = [],
  ) {
    super(key);
  }

  static badRequest(key: string, params?: Record<string, unknown>, details?: ErrorDetail[]) {
    return new AppError(400, key, params, details);
  }
  static validation(details: ErrorDetail[]) {
    return new AppError(400, 'validation.failed', {}, details);
  }
  static unauthorized(key = 'errors.unauthorized', params?: Record<string, unknown>) {
    return new AppError(401, key, params);
  }
  static forbidden(key = 'errors.forbidden', params?: Record<string, unknown>) {
    return new AppError(403, key, params);
  }
  static notFound(key = 'errors.notFound', params?: Record<string, unknown>) {
    return new AppError(404, key, params);
  }
  static conflict(key = 'errors.conflict', params?: Record<string, unknown>, details?: ErrorDetail[]) {
    return new AppError(409, key, params, details);
  }
  static tooMany(key = 'errors.tooManyRequests', params?: Record<string, unknown>) {
    return new AppError(429, key, params);
  }
}
