import { PlatformError, PlatformErrorKind } from '../errors';
import { HttpReply } from '../http/http-client';
import { graphRegainAccess, inSeconds } from '../http/retry-at';
import { Platform } from '../types';

interface GraphErrorBody {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  is_transient?: boolean;
  error_user_msg?: string;
  error_user_title?: string;
}

const AUTH_SUBCODES = new Set([33, 1404078]);
const RATE_CODES = new Set([4, 17, 32, 613, 80001, 341]);
const IG_TRANSIENT_SUBCODES = new Set([2207001, 2207032, 2207053, 2207003, 2207020, 2207027, 2207052]);

function kindOf(code: number, subcode: number | undefined, isTransient: boolean | undefined, status: number): PlatformErrorKind {
  if (code === 190 || code === 102 || code === 10 || (code >= 200 && code <= 299)) return 'auth';
  if (subcode !== undefined && AUTH_SUBCODES.has(subcode) && (code === 100 || subcode === 1404078)) return 'auth';
  if (RATE_CODES.has(code) || (code === 9 && subcode === 2207042) || (code === 368 && subcode === 1390008)) return 'rate_limited';
  if (subcode !== undefined && IG_TRANSIENT_SUBCODES.has(subcode)) return 'transient';
  if (code === -1 || code === -2 || code === 9004) return 'transient';
  if (code === 1 || code === 2 || isTransient === true || status >= 500) return 'transient';
  return 'rejected';
}

function fallbackWait(code: number, subcode: number | undefined): number {
  if (code === 368) return 3600;
  if (code === 9 && subcode === 2207042) return 3600;
  return 15 * 60;
}

/** Graph envelope `{"error":{message,type,code,error_subcode,is_transient,…}}` (Facebook, Instagram, Threads). */
export function classifyGraph(platform: Platform, reply: HttpReply): PlatformError | null {
  const body = reply.data as { error?: GraphErrorBody } | undefined;
  if (reply.status < 400 && !body?.error) return null;
  const e = body?.error;
  if (!e || typeof e.code !== 'number') {
    const kind: PlatformErrorKind =
      reply.status >= 500 || reply.status === 0 ? 'transient' : reply.status === 429 ? 'rate_limited' : reply.status === 401 ? 'auth' : 'rejected';
    return new PlatformError({ platform, kind, httpStatus: reply.status, retryAt: kind === 'rate_limited' ? inSeconds(15 * 60) : undefined });
  }
  const kind = kindOf(e.code, e.error_subcode, e.is_transient, reply.status);
  return new PlatformError({
    platform,
    kind,
    httpStatus: reply.status,
    platformCode: e.error_subcode ? `${e.code}/${e.error_subcode}` : e.code,
    platformMessage: e.error_user_msg || e.message,
    retryAt: kind === 'rate_limited' ? (graphRegainAccess(reply.headers) ?? inSeconds(fallbackWait(e.code, e.error_subcode))) : undefined,
  });
}
