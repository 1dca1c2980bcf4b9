import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { READ_DATA_SOURCE } from '@kabar/database';
import { DataSource } from 'typeorm';
import { AppError, Clock } from '@kabar/common';
import { Principal, UnitEntity } from '@kabar/org';
import { childLevelOf, LeaderboardKind, unitKindsOf } from './leaderboard-kinds';
import { rankBy } from './leaderboard-rank';
import { iso, num, percent, ratio, report } from './report';
import { isoWeeksTouched, parseRange, previousRange, ReportRange } from './report-range';
import { ReportScope } from './report-scope';
import { FollowersRow, LeaderboardRow, Report, TargetsRow } from './report-rows';
import { FollowersQuery, LeaderboardQuery, PutTargetBody, UnitQuery } from './reports.dto';
import { followersSeries, FollowersScope, Granularity } from './queries/followers.query';
import { leaderboardMetrics } from './queries/leaderboard.query';
import { targetsProgress, upsertTarget } from './queries/targets.query';

/** Leaderboard orders that need only unit_daily (and names). */
const GROWTH_SORTS = ['followers', 'followersGrowthPct', 'unitName'] as const;

const FOLLOWERS_COLUMNS: Array<keyof FollowersRow> = ['period', 'followers', 'netNew', 'growthPct', 'accounts', 'expectedAccounts'];
const LEADERBOARD_COLUMNS: Array<keyof LeaderboardRow> = [
  'rank',
  'previousRank',
  'rankChange',
  'unitId',
  'unitName',
  'kind',
  'followers',
  'followersGrowthPct',
  'engagementRate',
  'postsPublished',
  'consistencyWeeks',
  'weeks',
  'lastPostAt',
  'programShare',
];
const TARGETS_COLUMNS: Array<keyof TargetsRow> = [
  'unitId',
  'unitName',
  'month',
  'followersTarget',
  'followers',
  'followersProgressPct',
  'postsTarget',
  'posts',
  'postsProgressPct',
];

/**
 * Follower growth, the units' leaderboard and monthly targets: all from the daily rollups. Reports read the
 * replica of DATABASE_READ_URL when set (READ_DATA_SOURCE); setting a target writes the primary and reads its
 * row back from there.
 */
@Injectable()
export class GrowthReportsService {
  private readonly read: DataSource;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly scope: ReportScope,
    private readonly clock: Clock,
    @Optional() @Inject(READ_DATA_SOURCE) read?: DataSource,
  ) {
    this.read = read ?? ds;
  }

  async followers(p: Principal, q: FollowersQuery): Promise<Report<FollowersRow>> {
    const range = parseRange(q, await this.scope.zone(p), this.clock.now());
    if (q.scope === 'account') await this.scope.account(p, q.id);
    else await this.scope.unit(p, q.id);
    const rows = await this.followerRows(q.scope, q.id, range, q.granularity ?? 'day');
    return report('followers', range, FOLLOWERS_COLUMNS, rows, { scope: q.scope, id: q.id, granularity: q.granularity ?? 'day' });
  }

  /** Buckets with netNew against the previous bucket (the first against the last day before the range). */
  async followerRows(scope: FollowersScope, id: string, range: ReportRange, granularity: Granularity): Promise<FollowersRow[]> {
    const s = await followersSeries(this.read, { scope, id, from: range.from, to: range.to, granularity });
    let previous = s.before;
    return s.buckets.map((b) => {
      const netNew = b.followers === null || previous === null ? null : b.followers - previous;
      const row = {
        period: b.period,
        followers: b.followers,
        netNew,
        growthPct: percent(netNew, previous),
        accounts: b.accounts,
        expectedAccounts: s.expectedAccounts,
      };
      previous = b.followers;
      return row;
    });
  }

  async leaderboard(p: Principal, q: LeaderboardQuery): Promise<Report<LeaderboardRow>> {
    const range = parseRange(q, await this.scope.zone(p), this.clock.now());
    const parent = await this.scope.unit(p, q.parentId ?? (await this.scope.topUnitId(p)));
    const kind = q.kind ?? childLevelOf(parent.kind);
    const sort = q.sort ?? 'followersGrowthPct';
    const dir = q.dir ?? 'desc';
    const rows = await this.ranked(parent, kind, range, sort, dir, q.minPosts ?? 3);
    return report('leaderboard', range, LEADERBOARD_COLUMNS, rows, { parentId: parent.id, kind, sort, dir, minPosts: q.minPosts ?? 3 });
  }

  /** The units of `kind` under `parent` (at any depth), ranked on `sort` for the range and for the period before it. */
  async ranked(
    parent: UnitEntity,
    kind: LeaderboardKind,
    range: ReportRange,
    sort: LeaderboardQuery['sort'] & string,
    dir: 'asc' | 'desc',
    minPosts: number,
  ): Promise<LeaderboardRow[]> {
    // two independent queries: run side by side on two pooled connections. The period before only ranks: when
    // the order comes from the follower rollups (the default), its posts and metrics are not read at all.
    const growthOnly = (GROWTH_SORTS as readonly string[]).includes(sort);
    const [current, previous] = await Promise.all([
      this.leaderboardRows(parent, kind, range, minPosts),
      this.leaderboardRows(parent, kind, previousRange(range), minPosts, growthOnly),
    ]);
    const rank = rankBy(current, sort, dir);
    const previousRank = rankBy(previous, sort, dir);
    return current
      .map((r) => {
        const prev = previousRank.get(r.unitId)!;
        const now = rank.get(r.unitId)!;
        return { ...r, rank: now, previousRank: prev, rankChange: prev - now };
      })
      .sort((a, b) => a.rank - b.rank)
      .map((r) => pick(r, LEADERBOARD_COLUMNS));
  }

  private async leaderboardRows(parent: UnitEntity, kind: LeaderboardKind, range: ReportRange, minPosts: number, growthOnly = false) {
    const metrics = await leaderboardMetrics(this.read, {
      kinds: unitKindsOf(kind),
      parentId: parent.id,
      parentPath: parent.path,
      ...range,
      minPosts,
      growthOnly,
    });
    const weeks = isoWeeksTouched(range);
    return metrics.map((m) => ({
      unitId: m.unitId,
      unitName: m.unitName,
      kind: m.kind,
      followers: num(m.followers),
      followersGrowthPct: percent(m.followers === null || m.firstFollowers === null ? null : m.followers - m.firstFollowers, m.firstFollowers),
      engagementRate: ratio(m.interactions, m.followersAtPost),
      postsPublished: m.postsPublished,
      consistencyWeeks: m.consistencyWeeks,
      weeks,
      lastPostAt: iso(m.lastPostAt),
      programShare: ratio(m.postsWithProgram, m.postsPublished),
    }));
  }

  async targets(p: Principal, q: UnitQuery): Promise<Report<TargetsRow>> {
    const zone = await this.scope.zone(p);
    const unit = await this.scope.unit(p, q.unitId ?? (await this.scope.topUnitId(p)));
    const month = parseRange(q, zone, this.clock.now()).from.slice(0, 7);
    const range = parseRange({ month }, zone, this.clock.now());
    return report('targets', range, TARGETS_COLUMNS, await this.targetRows(unit.id, range), { unitId: unit.id, month });
  }

  async targetRows(unitId: string, range: ReportRange, db: DataSource = this.read): Promise<TargetsRow[]> {
    const rows = await targetsProgress(db, { unitId, month: range.from, to: range.to, start: range.start, end: range.end });
    return rows.map((r) => ({
      unitId: r.unitId,
      unitName: r.unitName,
      month: range.from.slice(0, 7),
      followersTarget: r.followersTarget,
      followers: num(r.followers),
      followersProgressPct: percent(num(r.followers), r.followersTarget),
      postsTarget: r.postsTarget,
      posts: r.posts,
      postsProgressPct: percent(r.posts, r.postsTarget),
    }));
  }

  /** Reviewers covering the unit (Diskominfo at the city) and city admins set targets. */
  async putTarget(p: Principal, body: PutTargetBody): Promise<TargetsRow> {
    const unit = await this.scope.unit(p, body.unitId);
    if (!this.scope.covers(p, unit, ['reviewer']) && !this.scope.isCityAdmin(p)) throw AppError.forbidden('analytics.targets.forbidden');
    const range = parseRange({ month: body.month }, await this.scope.zone(p), this.clock.now());
    await upsertTarget(this.ds, { unitId: unit.id, month: range.from, followersTarget: body.followersTarget, postsTarget: body.postsTarget, setBy: p.userId });
    return (await this.targetRows(unit.id, range, this.ds))[0];
  }
}

function pick<T extends object>(row: T, columns: Array<keyof T>): T {
  return Object.fromEntries(columns.map((c) => [c, row[c]])) as T;
}
