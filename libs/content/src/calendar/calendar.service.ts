import { Inject, Injectable } from '@nestjs/common';
import { AppError, KABAR_CONFIG } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { AccessPolicy, Principal, UnitScope } from '@kabar/org';
import { parseLocal } from '../time/local-time';
import { CalendarDto, CalendarQuery } from './calendar.dto';
import { CalendarRepository } from './calendar.repository';

const MAX_RANGE_MS = 100 * 86_400_000;

@Injectable()
export class CalendarService {
  constructor(
    private readonly repo: CalendarRepository,
    private readonly access: AccessPolicy,
    @Inject(KABAR_CONFIG) private readonly config: KabarConfig,
  ) {}

  async range(p: Principal, q: CalendarQuery): Promise<CalendarDto> {
    const zone = q.timeZone ?? (await this.repo.userZone(p.userId)) ?? this.config.defaultTimeZone;
    const read = (s: string, field: string) => {
      const d = parseLocal(s.length === 10 ? `${s}T00:00` : s, zone);
      if (!d) throw AppError.validation([{ field, code: 'content.time.invalid', params: { value: s } }]);
      return d;
    };
    const from = read(q.from, 'from');
    const to = read(q.to, 'to');
    if (to <= from || to.getTime() - from.getTime() > MAX_RANGE_MS)
      throw AppError.validation([{ field: 'to', code: 'content.calendar.badRange', params: { days: 100 } }]);
    const scope = q.unitId ? UnitScope.subtree((await this.access.requireUnit(p, q.unitId)).path) : this.access.unitScope(p);
    const rows = await this.repo.range({ from, to, zone, scope, accountId: q.accountId, pillar: q.pillar, programId: q.programId, status: q.status });
    return {
      timeZone: zone,
      from: from.toISOString(),
      to: to.toISOString(),
      items: rows.map((r) => ({
        id: r.id,
        unitId: r.unitId,
        unitName: r.unitName,
        pillar: r.pillar,
        status: r.status,
        programId: r.programId,
        campaignId: r.campaignId,
        scheduledAt: new Date(Number(r.scheduledAt)).toISOString(),
        local: r.local,
        postTimeZone: r.timeZone,
        version: r.version,
        excerpt: r.excerpt,
        platforms: r.platforms ? r.platforms.split(',') : [],
      })),
    };
  }
}
