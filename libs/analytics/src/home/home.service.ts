import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@kabar/common';
import { AccessPolicy, Principal } from '@kabar/org';
import { GrowthReportsService } from '../reports/growth-reports.service';
import { num } from '../reports/report';
import { parseRange } from '../reports/report-range';
import { ReportScope } from '../reports/report-scope';
import { HomeDto } from './home.dto';
import { awaitingReview, homeAccounts, nextScheduled, postsInStatus, problemCounts } from './home.queries';

/** The Home page for the caller: their accounts, what goes out next, what went wrong, what waits for them, growth. */
@Injectable()
export class HomeService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessPolicy,
    private readonly scope: ReportScope,
    private readonly growth: GrowthReportsService,
    private readonly clock: Clock,
  ) {}

  async home(p: Principal): Promise<HomeDto> {
    const scope = this.access.unitScope(p);
    const adminScope = this.access.unitScope(p, ['admin']);
    const now = this.clock.now();
    const range = parseRange({}, await this.scope.zone(p), now);
    // independent reads, side by side
    const [accounts, next, problems, review, [month], approvedNotScheduled, changesRequested] = await Promise.all([
      homeAccounts(this.ds, adminScope.isEmpty ? scope : adminScope),
      nextScheduled(this.ds, scope, now),
      problemCounts(this.ds, scope),
      awaitingReview(this.ds, this.access.unitScope(p, ['reviewer']), p.userId),
      this.scope.topUnitId(p).then((top) => this.growth.followerRows('subtree', top, range, 'month')),
      postsInStatus(this.ds, adminScope, 'approved'),
      postsInStatus(this.ds, adminScope, 'changes_requested'),
    ]);
    return {
      accounts: accounts.map((a: HomeDto['accounts'][number]) => ({ ...a, followers: num(a.followers) })),
      nextScheduled: next.map((n: { postId: string; excerpt: string; scheduledAt: Date; platforms: string[] }) => ({
        ...n,
        scheduledAt: new Date(n.scheduledAt).toISOString(),
      })),
      problems,
      awaitingReview: review,
      approvedNotScheduled,
      changesRequested,
      growthThisMonth: { followers: month?.followers ?? null, netNew: month?.netNew ?? null, growthPct: month?.growthPct ?? null },
    };
  }
}
