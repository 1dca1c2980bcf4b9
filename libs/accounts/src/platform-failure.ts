import { AppError } from '@kabar/common';
import { PLATFORM_NAMES } from '@kabar/i18n';
import { isPlatformError, OUTBOUND_REFUSED, Platform } from '@kabar/platforms';

/**
 * The error a user sees when a platform call made for them failed: a sentence in their language, never the
 * other server's answer. An address the outbound guard refuses is a 400 that says nothing about what listens
 * there (the request was never sent); a refusal by the platform is a 400, anything else a 502.
 */
export function platformFailure(e: unknown, platform: Platform, rejectedKey = 'accounts.tokenRejected'): unknown {
  if (!isPlatformError(e)) return e;
  const name = PLATFORM_NAMES[platform] ?? platform;
  if (e.networkCode === OUTBOUND_REFUSED) return AppError.badRequest('accounts.addressNotAllowed', { platform: name });
  if (e.kind === 'auth' || e.kind === 'rejected') return AppError.badRequest(rejectedKey, { platform: name });
  return new AppError(502, 'accounts.platformUnavailable', { platform: name });
}
