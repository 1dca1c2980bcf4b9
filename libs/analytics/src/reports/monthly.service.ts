import { Injectable } from '@nestjs/common';
import { Clock } from '@kabar/common';
import { Principal, UnitEntity } from '@kabar/org';
import { ContentReportsService, locale } from './content-reports.service';
import { siblingKindOf } from './leaderboard-kinds';
import { GrowthReportsService } from './growth-reports.service';
import { parseRange, ReportRange } from './report-range';
import { MonthlyReport } from './report-rows';
import { ReportScope } from './report-scope';
import { MonthlyQuery } from './reports.dto';

export type { MonthlyReport } from './report-rows';

/** The coordination meeting's page for one unit and month: the same numbers as the single reports. */
@Injectable()
export class MonthlyReportService {
  constructor(
    private readonly scope: ReportScope,
    private readonly growth: GrowthReportsService,
    private readonly content: ContentReportsService,
    private readonly clock: Clock,
  ) {}

  async monthly(p: Principal, q: MonthlyQuery): Promise<MonthlyReport> {
    const zone = await this.scope.zone(p);
    const unit = await this.scope.unit(p, q.unitId);
    const now = this.clock.now();
    const range = parseRange({ month: q.month ?? parseRange({}, zone, now).from.slice(0, 7) }, zone, now);
    const lng = locale(p);
    const subject = { kind: 'unit' as const, unit };
    const asOf = new Date(Math.min(now.getTime(), range.end.getTime()));
    // the same numbers as the single reports, read side by side
    const [[month], daily, leaderboard, topPosts, programs, [targets], inactive] = await Promise.all([
      this.growth.followerRows('subtree', unit.id, range, 'month'),
      this.growth.followerRows('subtree', unit.id, range, 'day'),
      this.position(unit, range),
      this.content.topPostRows(subject, range, 5),
      this.content.programRows(subject, range, lng),
      this.growth.targetRows(unit.id, range),
      this.content.inactiveRows(unit.path, 7, asOf),
    ]);
    const { period: _period, ...growth } = month;
    return {
      meta: {
        report: 'monthly',
        month: range.from.slice(0, 7),
        from: range.from,
        to: range.to,
        timeZone: zone,
        unitId: unit.id,
        unitName: unit.name,
        kind: unit.kind,
        locale: lng,
      },
      growth,
      daily,
      leaderboard,
      topPosts,
      programs,
      targets,
      inactiveAccounts: inactive.length,
    };
  }

  /** The unit's place among its siblings of the same kind (a kota among kabupaten and kota): the default leaderboard order, read without the parent's scope. */
  private async position(unit: UnitEntity, range: ReportRange): Promise<MonthlyReport['leaderboard']> {
    const parent = unit.parentId ? await this.scope.unitById(unit.parentId) : null;
    if (!parent) return null;
    const kind = siblingKindOf(unit.kind);
    const rows = await this.growth.ranked(parent, kind, range, 'followersGrowthPct', 'desc', 3);
    const own = rows.find((r) => r.unitId === unit.id);
    if (!own) return null;
    return {
      kind,
      parentId: parent.id,
      parentName: parent.name,
      rank: own.rank,
      of: rows.length,
      previousRank: own.previousRank,
      rankChange: own.rankChange,
      followersGrowthPct: own.followersGrowthPct,
      engagementRate: own.engagementRate,
      postsPublished: own.postsPublished,
    };
  }
}
