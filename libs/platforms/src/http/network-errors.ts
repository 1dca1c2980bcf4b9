import { PlatformError } from '../errors';
import { Platform } from '../types';
import { isResponseTooLarge, outboundRefusal, OUTBOUND_REFUSED, RESPONSE_TOO_LARGE } from './outbound-guard';

/** Errors raised before a byte left this machine: the platform cannot have acted on the request. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_INVALID_URL', 'ERR_BAD_OPTION']);

interface NetworkErrorLike {
  code?: string;
  message?: string;
}

/**
 * A failure without an HTTP answer. Never `auth`. On a create call, once the request was written
 * (timeout, ECONNRESET, socket hang up) the outcome is unknown: the caller reconciles with findRecent.
 */
export function networkError(platform: Platform, err: unknown, create: boolean, secrets: string[]): PlatformError {
  const refused = outboundRefusal(err);
  if (refused) {
    // nothing was sent, and sending again would meet the same refusal: a definite, final answer
    return new PlatformError({
      platform,
      kind: 'rejected',
      networkCode: OUTBOUND_REFUSED,
      platformCode: 'outbound_refused',
      platformMessage: refused.message,
    });
  }
  if (isResponseTooLarge(err)) {
    return new PlatformError({
      platform,
      kind: create ? 'unknown_outcome' : 'transient',
      networkCode: RESPONSE_TOO_LARGE,
      platformCode: 'response_too_large',
      platformMessage: 'the answer was longer than allowed and was not read',
    });
  }
  const e = (err ?? {}) as NetworkErrorLike;
  const code = e.code ?? (String(e.message).includes('socket hang up') ? 'ECONNRESET' : 'ENETWORK');
  // Node cannot tell how much of a written request the server read: anything but a failed
  // connect may have reached the platform.
  const notSent = NOT_SENT.has(code);
  return new PlatformError({
    platform,
    kind: create && !notSent ? 'unknown_outcome' : 'transient',
    networkCode: code,
    platformMessage: redact(String(e.message ?? code), secrets),
  });
}

/** Replaces every secret (and anything shaped like `access_token=…` or `bot123:abc`) in a string. */
export function redact(text: string, secrets: string[]): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join('[redacted]');
  return out
    .replace(/(access_token|client_secret|refresh_token|fb_exchange_token|code_verifier)=[^&\s"]+/gi, '$1=[redacted]')
    .replace(/bot\d+:[A-Za-z0-9_-]+/g, 'bot[redacted]')
    .replace(/Bearer\s+[A-Za-z0-9._~+/=-]+/gi, 'Bearer [redacted]');
}
