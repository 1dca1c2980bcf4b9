import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access-policy.service';
import { Principal } from '../access/principal';
import { AuditPageDto, AuditQuery, mapAuditEntry } from './audit.dto';
import { AuditService } from './audit.service';

/** Reading the audit log is for city admins only: it spans every unit. */
@Injectable()
export class AuditQueryService {
  constructor(
    private readonly audit: AuditService,
    private readonly policy: AccessPolicy,
  ) {}

  async list(p: Principal, q: AuditQuery): Promise<AuditPageDto> {
    this.policy.requireCityAdmin(p);
    const limit = q.limit ?? 50;
    const offset = q.offset ?? 0;
    const { items, total } = await this.audit.find({
      actorId: q.actorId,
      action: q.action,
      objectType: q.objectType,
      objectId: q.objectId,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
      limit,
      offset,
    });
    return { items: items.map(mapAuditEntry), total, limit, offset };
  }
}
