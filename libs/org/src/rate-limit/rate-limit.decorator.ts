import { SetMetadata } from '@nestjs/common';
import { RateLimitSpec } from './rate-limits';

export const RATE_LIMIT = 'kabar:rateLimit';

/** Limits the route per client IP (and per target, when the spec names one); see RATE_LIMITS. */
export const RateLimit = (spec: RateLimitSpec) => SetMetadata(RATE_LIMIT, spec);
