import { PlatformError, PlatformErrorKind } from '../errors';
import { HttpReply } from '../http/http-client';
import { epochSecondsHeader, inSeconds, readHeader } from '../http/retry-at';

interface Problem {
  title?: string;
  detail?: string;
  type?: string;
  status?: number;
  error?: string;
  error_description?: string;
  errors?: Array<{ message?: string }>;
}

/** X v2 problem details (RFC 7807) and OAuth token errors → error class (platform-apis.md §3.5). */
export function classifyX(reply: HttpReply): PlatformError | null {
  if (reply.status < 400) return null;
  const p = (reply.data ?? {}) as Problem;
  const message = p.detail ?? p.error_description ?? p.errors?.[0]?.message ?? p.title ?? `HTTP ${reply.status}`;
  let kind: PlatformErrorKind = 'rejected';
  let code: string | number = p.error ?? p.type ?? reply.status;
  let retryAt: Date | undefined;
  if (reply.status === 401 || p.error === 'invalid_grant' || (p.error === 'invalid_request' && /token|code/i.test(message))) kind = 'auth';
  else if (reply.status === 403) {
    if (/duplicate content/i.test(message)) code = 'duplicate_content';
    else if (/client-forbidden|client-not-enrolled/.test(p.type ?? '') || /not permitted to perform this action/i.test(message)) kind = 'auth';
  } else if (reply.status === 429) {
    kind = 'rate_limited';
    if (/usage-capped/.test(p.type ?? '') || /UsageCapExceeded/.test(p.title ?? '')) retryAt = inSeconds(86_400);
    else if (readHeader(reply.headers, 'x-user-limit-24hour-remaining') === '0') retryAt = epochSecondsHeader(reply.headers, 'x-user-limit-24hour-reset');
    retryAt ??= epochSecondsHeader(reply.headers, 'x-rate-limit-reset') ?? inSeconds(900);
  } else if (reply.status >= 500) kind = 'transient';
  return new PlatformError({ platform: 'x', kind, httpStatus: reply.status, platformCode: code, platformMessage: message, retryAt });
}
