import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { Observable, from, mergeMap } from 'rxjs';
import { currentContext } from '@kabar/common';
import { AuditService } from './audit.service';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every successful write is in the audit log. Services that record a richer entry themselves (users,
 * units, accounts) mark the request as audited; for all others (posts, media, programs, imports, retries…)
 * this records who, which route, which object and unit, from where. Bodies are never copied: only ids.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger('audit');

  constructor(private readonly audit: AuditService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request & { principal?: { userId: string } }>();
    if (!WRITES.has(req.method)) return next.handle();
    return next.handle().pipe(
      mergeMap((result) =>
        from(
          this.recordFallback(req, context, result).then(
            () => result,
            () => result,
          ),
        ),
      ),
    );
  }

  private async recordFallback(req: Request & { principal?: { userId: string } }, context: ExecutionContext, result: unknown): Promise<void> {
    const ctx = currentContext();
    if (ctx?.audited || !req.principal) return;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const res = (result ?? {}) as Record<string, unknown>;
    const objectId = pickId(req.params?.id) ?? pickId(res.id) ?? null;
    const unitId = pickId(res.unitId) ?? pickId(body.unitId) ?? (req.params?.unitId ? pickId(req.params.unitId) : null) ?? null;
    const controller = context.getClass().name.replace(/Controller$/, '');
    const route = (req.route as { path?: string } | undefined)?.path ?? req.path;
    try {
      await this.audit.record({
        action: `${controller}.${context.getHandler().name}`,
        objectType: controller.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase(),
        objectId,
        unitId,
        details: { method: req.method, route, params: { ...req.params } },
      });
    } catch (e) {
      this.logger.error(`audit entry for ${req.method} ${route} failed: ${(e as Error).message}`);
    }
  }
}

function pickId(v: unknown): string | null {
  return typeof v === 'string' && UUID.test(v) ? v : null;
}
