import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { currentContext, redact } from '@kabar/common';
import { AuditFilter, AuditRecord, AuditRepository } from './audit.repository';

export interface AuditEntry {
  /** Verb-like and dotted: 'user.create', 'auth.login.failure', 'post.approve'. */
  action: string;
  objectType: string;
  objectId?: string | null;
  unitId?: string | null;
  /** Defaults to the logged-in caller of the current request. */
  actorId?: string | null;
  /** What changed; secret-looking keys (password, token, …) are replaced before storing. */
  details?: Record<string, unknown>;
}

/**
 * The audit log every context writes to: who did what to which object, on which unit, when and from where.
 * Pass the transaction's EntityManager so the audit row lands with the change or not at all.
 */
@Injectable()
export class AuditService {
  constructor(private readonly repo: AuditRepository) {}

  async record(entry: AuditEntry, em?: EntityManager): Promise<void> {
    const ctx = currentContext();
    if (ctx) ctx.audited = true;
    await this.repo.insert(
      {
        actorId: entry.actorId !== undefined ? entry.actorId : (ctx?.userId ?? null),
        action: entry.action,
        objectType: entry.objectType,
        objectId: entry.objectId ?? null,
        unitId: entry.unitId ?? null,
        ip: ctx?.ip?.slice(0, 64) ?? null,
        userAgent: ctx?.userAgent?.slice(0, 300) ?? null,
        requestId: ctx?.requestId ?? null,
        details: (redact(entry.details ?? {}) as Record<string, unknown>) ?? {},
      },
      em,
    );
  }

  find(filter: AuditFilter): Promise<{ items: AuditRecord[]; total: number }> {
    return this.repo.find(filter);
  }
}
