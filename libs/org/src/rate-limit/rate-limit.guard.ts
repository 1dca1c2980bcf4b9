import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { sha256 } from '../users/password-hasher';
import { RATE_LIMIT } from './rate-limit.decorator';
import { RateLimitSpec } from './rate-limits';
import { RateCharge, RateLimitsRepository } from './rate-limits.repository';
import { tooMany } from './too-many';

/**
 * Global guard: a route marked @RateLimit(...) is charged per client IP (req.ip, as `trust proxy` resolves
 * it) and per target; over a limit it answers 429 with Retry-After and a sentence in the caller's language.
 * Targets (tokens, emails) are keyed by a hash, never stored in clear.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimitsRepository,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const spec = this.reflector.getAllAndOverride<RateLimitSpec | undefined>(RATE_LIMIT, [ctx.getHandler(), ctx.getClass()]);
    if (!spec) return true;
    const req = ctx.switchToHttp().getRequest<Request>();
    const charges: RateCharge[] = [{ key: `${spec.name}:ip:${(req.ip ?? 'unknown').slice(0, 64)}`, ...spec.perIp }];
    const target = spec.perTarget?.target(req);
    if (spec.perTarget && typeof target === 'string' && target) {
      charges.push({ key: `${spec.name}:t:${sha256(target).slice(0, 40)}`, limit: spec.perTarget.limit, windowSeconds: spec.perTarget.windowSeconds });
    }
    const refused = (await this.limits.charge(charges)).filter((v) => !v.allowed);
    if (refused.length) throw tooMany('requests', Math.max(...refused.map((v) => v.retryAfterSeconds)));
    return true;
  }
}
