import { AppError } from '../errors/app-error';

/** Seconds a client is asked to wait (Retry-After) when the database does not answer. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** PostgreSQL SQLSTATEs of a server that is gone, starting, stopping, full or too slow (timeouts). */
const UNAVAILABLE_CODES = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
  '57014', // query_canceled: statement_timeout
  '55P03', // lock_not_available: lock_timeout
]);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const NETWORK_MESSAGES =
  /timeout exceeded when trying to connect|Connection terminated|Query read timeout|Client has encountered a connection error|Connection (is )?closed|Cannot use a pool after calling end/i;

/** The driver's error under TypeORM's QueryFailedError (driverError), or the error itself. */
function driverError(e: unknown): { code?: string; message?: string } | null {
  if (!e || typeof e !== 'object') return null;
  const inner = (e as { driverError?: unknown }).driverError;
  return (inner && typeof inner === 'object' ? inner : e) as { code?: string; message?: string };
}

/** The database cannot answer now (down, hanging, restarting, overloaded, timed out): 503 with Retry-After. */
export function databaseUnavailable(e: unknown): AppError | null {
  const d = driverError(e);
  if (!d) return null;
  const code = typeof d.code === 'string' ? d.code : '';
  const unavailable =
    UNAVAILABLE_CODES.has(code) || code.startsWith('08') || NETWORK_CODES.has(code) || (typeof d.message === 'string' && NETWORK_MESSAGES.test(d.message));
  return unavailable ? new AppError(503, 'errors.databaseUnavailable', { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS }) : null;
}

/**
 * PostgreSQL refused what a request asked for (a value it cannot take, a reference to nothing, a missing
 * required value): a 4xx in the caller's language rather than 500. The DTOs should catch these first; this is
 * the net under them.
 */
export function databaseRefused(e: unknown): AppError | null {
  const d = driverError(e) as { code?: string; message?: string; column?: string; detail?: string } | null;
  const code = typeof d?.code === 'string' ? d.code : '';
  if (!/^(22|23|54)/.test(code)) return null;
  const field = d?.column ?? /Key \(([^)]+)\)/.exec(d?.detail ?? '')?.[1] ?? '';
  switch (code) {
    case '23503':
      return /still referenced/.test(d?.detail ?? d?.message ?? '')
        ? new AppError(409, 'errors.stillReferenced')
        : new AppError(400, 'errors.referenceMissing', { field });
    case '23505':
      return new AppError(409, 'errors.conflict');
    case '23502':
      return new AppError(400, 'errors.valueRequired', { field });
    case '22001':
      return new AppError(400, 'errors.valueTooLong', { field });
    case '22003':
      return new AppError(400, 'errors.numberOutOfRange');
    case '22021':
    case '22P05':
      return new AppError(400, 'errors.invalidCharacters');
    case '54001':
    case '54000':
      return new AppError(400, 'errors.tooComplex');
  }
  // other data exceptions (22P02 invalid text for its type, 22007/22008 dates, 2201W/2201X limits, …) and 23514 checks
  return new AppError(400, 'errors.invalidValue');
}
