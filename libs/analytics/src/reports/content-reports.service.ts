import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { READ_DATA_SOURCE } from '@kabar/database';
import { DataSource } from 'typeorm';
import { Clock, currentContext } from '@kabar/common';
import { Principal } from '@kabar/org';
import { iso, num, ratio, report } from './report';
import { parseRange, ReportRange } from './report-range';
import { ReportScope, Subject } from './report-scope';
import { BestTimeReportCell, EngagementReportRow, InactiveReportRow, PillarReportRow, ProgramReportRow, Report, TopPostReportRow } from './report-rows';
import { InactiveQuery, PlatformSubjectQuery, SubjectQuery, TopPostsQuery, UnitQuery } from './reports.dto';
import { bestTimeCells } from './queries/best-time.query';
import { collectionProblems } from './queries/collection.query';
import { engagementByAccount } from './queries/engagement.query';
import { inactiveAccounts } from './queries/inactive.query';
import { pillarPerformance } from './queries/pillars.query';
import { programPerformance } from './queries/programs.query';
import { topPosts } from './queries/top-posts.query';

/** A best-time cell uses the subject's own history from this many posts on, else the city's. */
export const OWN_HISTORY_MIN_POSTS = 3;

const COLUMNS = {
  engagement: ['accountId', 'handle', 'platform', 'unitName', 'followers', 'posts', 'interactions', 'engagementRate'],
  topPosts: [
    'targetId',
    'postId',
    'excerpt',
    'platform',
    'handle',
    'url',
    'publishedAt',
    'likes',
    'comments',
    'shares',
    'views',
    'interactions',
    'engagementRate',
  ],
  pillars: ['pillar', 'label', 'posts', 'reach', 'views', 'interactions', 'engagementRate'],
  programs: ['programId', 'name', 'priority', 'posts', 'reach', 'views', 'interactions', 'engagementRate'],
  bestTime: ['weekday', 'hour', 'posts', 'engagementRate', 'source'],
  inactive: ['accountId', 'handle', 'platform', 'unitId', 'unitName', 'status', 'lastPostAt', 'daysSincePost', 'reason'],
  collection: ['accountId', 'handle', 'platform', 'unitName', 'status', 'lastSnapshotAt', 'collectionError', 'collectionFailures'],
};

/** What was posted and how it did: engagement, top posts, pillars, programs, best time; and who is not posting. */
@Injectable()
export class ContentReportsService {
  /** Reads only: the replica of DATABASE_READ_URL when set (READ_DATA_SOURCE), else the primary. */
  private readonly ds: DataSource;

  constructor(
    @InjectDataSource() primary: DataSource,
    private readonly scope: ReportScope,
    private readonly clock: Clock,
    @Optional() @Inject(READ_DATA_SOURCE) read?: DataSource,
  ) {
    this.ds = read ?? primary;
  }

  async engagement(p: Principal, q: PlatformSubjectQuery): Promise<Report<EngagementReportRow>> {
    const { range, subject } = await this.resolve(p, q);
    const rows = (await engagementByAccount(this.ds, subject, { ...range, platform: q.platform })).map((r): EngagementReportRow => ({
      accountId: r.accountId,
      handle: r.handle,
      platform: r.platform,
      unitName: r.unitName,
      followers: num(r.followers),
      posts: r.posts,
      interactions: r.interactions,
      engagementRate: ratio(r.weighedInteractions, r.followersAtPost),
    }));
    return report('engagement', range, COLUMNS.engagement, rows, subjectMeta(subject));
  }

  async topPosts(p: Principal, q: TopPostsQuery): Promise<Report<TopPostReportRow>> {
    const { range, subject } = await this.resolve(p, q);
    return report(
      'top-posts',
      range,
      COLUMNS.topPosts as Array<keyof TopPostReportRow>,
      await this.topPostRows(subject, range, q.limit ?? 10, q.platform),
      subjectMeta(subject),
    );
  }

  async topPostRows(subject: Subject, range: ReportRange, limit: number, platform?: string): Promise<TopPostReportRow[]> {
    return (await topPosts(this.ds, subject, { ...range, platform, limit })).map((r) => ({
      targetId: r.targetId,
      postId: r.postId,
      excerpt: r.excerpt,
      platform: r.platform,
      handle: r.handle,
      url: r.url,
      publishedAt: iso(r.publishedAt)!,
      likes: r.likes,
      comments: r.comments,
      shares: r.shares,
      views: r.views,
      interactions: r.interactions,
      engagementRate: ratio(r.interactions, r.followersAtPost),
    }));
  }

  async pillars(p: Principal, q: UnitQuery): Promise<Report<PillarReportRow>> {
    const { range, subject } = await this.resolve(p, { ...q, accountId: undefined });
    const rows = (await pillarPerformance(this.ds, { unitPath: subject.unit.path, ...range, locale: locale(p) })).map((r): PillarReportRow => ({
      pillar: r.pillar,
      label: r.label,
      posts: r.posts,
      reach: num(r.reach),
      views: num(r.views),
      interactions: num(r.interactions),
      engagementRate: ratio(r.weighedInteractions, r.followersAtPost),
    }));
    return report('pillars', range, COLUMNS.pillars, rows, subjectMeta(subject));
  }

  async programs(p: Principal, q: UnitQuery): Promise<Report<ProgramReportRow>> {
    const { range, subject } = await this.resolve(p, { ...q, accountId: undefined });
    return report('programs', range, COLUMNS.programs, await this.programRows(subject, range, locale(p)), subjectMeta(subject));
  }

  async programRows(subject: Subject, range: ReportRange, lng: 'id' | 'en'): Promise<ProgramReportRow[]> {
    return (await programPerformance(this.ds, { unitPath: subject.unit.path, ...range, locale: lng })).map((r) => ({
      programId: r.programId,
      name: r.name,
      priority: r.priority,
      posts: r.posts,
      reach: num(r.reach),
      views: num(r.views),
      interactions: num(r.interactions),
      engagementRate: ratio(r.weighedInteractions, r.followersAtPost),
    }));
  }

  async bestTime(p: Principal, q: SubjectQuery): Promise<Report<BestTimeReportCell>> {
    const { range, subject } = await this.resolve(p, q);
    const rows = (await bestTimeCells(this.ds, subject, range)).map((c): BestTimeReportCell => {
      const own = c.ownPosts >= OWN_HISTORY_MIN_POSTS;
      return {
        weekday: c.weekday,
        hour: c.hour,
        posts: own ? c.ownPosts : c.cityPosts,
        engagementRate: own ? ratio(c.ownInteractions, c.ownFollowers) : ratio(c.cityInteractions, c.cityFollowers),
        source: own ? 'own' : 'city',
      };
    });
    return report('best-time', range, COLUMNS.bestTime, rows, { ...subjectMeta(subject), ownHistoryMinPosts: OWN_HISTORY_MIN_POSTS });
  }

  async inactive(p: Principal, q: InactiveQuery): Promise<Report<InactiveReportRow>> {
    const { range, subject } = await this.resolve(p, { ...q, accountId: undefined });
    const days = q.days ?? 7;
    const asOf = new Date(Math.min(this.clock.now().getTime(), range.end.getTime()));
    return report('inactive', range, COLUMNS.inactive, await this.inactiveRows(subject.unit.path, days, asOf), {
      ...subjectMeta(subject),
      days,
      asOf: asOf.toISOString(),
    });
  }

  async inactiveRows(unitPath: string, days: number, asOf: Date): Promise<InactiveReportRow[]> {
    return (await inactiveAccounts(this.ds, { unitPath, days, asOf })).map((r) => ({
      accountId: r.accountId,
      handle: r.handle,
      platform: r.platform,
      unitId: r.unitId,
      unitName: r.unitName,
      status: r.status,
      lastPostAt: iso(r.lastPostAt),
      daysSincePost: r.lastPostAt ? Math.floor((asOf.getTime() - new Date(r.lastPostAt).getTime()) / 86_400_000) : null,
      reason: r.reason,
    }));
  }

  async collection(p: Principal, q: UnitQuery): Promise<Report> {
    const { range, subject } = await this.resolve(p, { ...q, accountId: undefined });
    const rows = (await collectionProblems(this.ds, { unitPath: subject.unit.path })).map((r) => ({ ...r, lastSnapshotAt: iso(r.lastSnapshotAt) }));
    return report('collection', range, COLUMNS.collection, rows, subjectMeta(subject));
  }

  private async resolve(p: Principal, q: SubjectQuery) {
    const range = parseRange(q, await this.scope.zone(p), this.clock.now());
    return { range, subject: await this.scope.subject(p, q) };
  }
}

function subjectMeta(s: Subject): Record<string, unknown> {
  return s.kind === 'account' ? { accountId: s.accountId, unitId: s.unit.id } : { unitId: s.unit.id, unitName: s.unit.name };
}

/** The caller's language for labels: Accept-Language when it names one of ours, else their profile. */
export function locale(p: Principal): 'id' | 'en' {
  return currentContext()?.locale ?? p.locale;
}
