import { Platform } from './types';

export type PlatformErrorKind = 'auth' | 'rate_limited' | 'transient' | 'rejected' | 'unknown_outcome';

export interface PlatformErrorInit {
  platform: Platform;
  kind: PlatformErrorKind;
  retryAt?: Date;
  httpStatus?: number;
  platformCode?: string | number;
  platformMessage?: string;
  /** Network error code (ECONNRESET, ETIMEDOUT…) when there was no HTTP answer. */
  networkCode?: string;
}

/**
 * The one error adapters throw. Never carries tokens, URLs with tokens, request configs or headers:
 * it is safe to log and to store on an attempt.
 */
export class PlatformError extends Error {
  readonly platform: Platform;
  readonly kind: PlatformErrorKind;
  readonly retryAt?: Date;
  readonly httpStatus?: number;
  readonly platformCode?: string | number;
  readonly platformMessage?: string;
  readonly networkCode?: string;

  constructor(init: PlatformErrorInit) {
    const detail = [init.httpStatus, init.platformCode, init.networkCode].filter((v) => v !== undefined).join(' ');
    super(`${init.platform} ${init.kind}${detail ? ` (${detail})` : ''}${init.platformMessage ? `: ${init.platformMessage}` : ''}`);
    this.name = 'PlatformError';
    this.platform = init.platform;
    this.kind = init.kind;
    this.retryAt = init.retryAt;
    this.httpStatus = init.httpStatus;
    this.platformCode = init.platformCode;
    this.platformMessage = init.platformMessage;
    this.networkCode = init.networkCode;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      platform: this.platform,
      kind: this.kind,
      retryAt: this.retryAt?.toISOString(),
      httpStatus: this.httpStatus,
      platformCode: this.platformCode,
      platformMessage: this.platformMessage,
      networkCode: this.networkCode,
    };
  }
}

export function isPlatformError(e: unknown): e is PlatformError {
  return e instanceof PlatformError;
}
