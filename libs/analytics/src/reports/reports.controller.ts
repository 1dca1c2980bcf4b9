import { Body, Controller, Get, Put, Query, StreamableFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal } from '@kabar/org';
import { renderMonthlyPdf } from '../export/monthly-pdf';
import { ReportExportInterceptor } from '../export/report-export.interceptor';
import { ContentReportsService } from './content-reports.service';
import { GrowthReportsService } from './growth-reports.service';
import { MonthlyReportService } from './monthly.service';
import {
  FollowersQuery,
  InactiveQuery,
  LeaderboardQuery,
  MonthlyQuery,
  PlatformSubjectQuery,
  PutTargetBody,
  ReportDto,
  SubjectQuery,
  TopPostsQuery,
  UnitQuery,
} from './reports.dto';

const EXPORTS = ['application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

/** Reports scoped by the access policy; `format=csv|xlsx` exports the same rows (ReportExportInterceptor). */
@ApiTags('analytics')
@ApiBearerAuth()
@Controller('v1/analytics')
@UseInterceptors(ReportExportInterceptor)
export class ReportsController {
  constructor(
    private readonly growth: GrowthReportsService,
    private readonly content: ContentReportsService,
    private readonly monthlyReports: MonthlyReportService,
  ) {}

  /** Followers of an account, a unit's own accounts or its whole subtree, per day, ISO week or month. */
  @Get('followers')
  @ApiProduces(...EXPORTS)
  @ApiOkResponse({ type: ReportDto })
  followers(@CurrentUser() p: Principal, @Query() q: FollowersQuery) {
    return this.growth.followers(p, q);
  }

  /** Units of one kind under a parent, each counting its subtree, ranked now and in the period before. */
  @Get('leaderboard')
  @ApiProduces(...EXPORTS)
  @ApiOkResponse({ type: ReportDto })
  leaderboard(@CurrentUser() p: Principal, @Query() q: LeaderboardQuery) {
    return this.growth.leaderboard(p, q);
  }

  @Get('engagement')
  @ApiProduces(...EXPORTS)
  @ApiOkResponse({ type: ReportDto })
  engagement(@CurrentUser() p: Principal, @Query() q: PlatformSubjectQuery) {
    return this.content.engagement(p, q);
  }

  @Get('top-posts')
  @ApiProduces(...EXPORTS)
  @ApiOkResponse({ type: ReportDto })
  topPosts(@CurrentUser() p: Principal, @Query() q: TopPostsQuery) {
    return this.content.topPosts(p, q);
  }

  @Get('pillars')
  @ApiProduces(...EXPORTS)
  @ApiOkResponse({ type: ReportDto })
  pillars(@CurrentUser() p: Principal, @Query() q: UnitQuery) {
    return this.content.pillars(p, q);
  }

  @Get('programs')
  @ApiProduces(...EXPORTS)
  @ApiOkResponse({ type: ReportDto })
  programs(@CurrentUser() p: Principal, @Query() q: UnitQuery) {
    return this.content.programs(p, q);
  }

  /** 7 × 24 cells: the subject's own history where it has enough posts, else the city's. */
  @Get('best-time')
  @ApiProduces(...EXPORTS)
  @ApiOkResponse({ type: ReportDto })
  bestTime(@CurrentUser() p: Principal, @Query() q: SubjectQuery) {
    return this.content.bestTime(p, q);
  }

  @Get('inactive')
  @ApiProduces(...EXPORTS)
  @ApiOkResponse({ type: ReportDto })
  inactive(@CurrentUser() p: Principal, @Query() q: InactiveQuery) {
    return this.content.inactive(p, q);
  }

  @Get('targets')
  @ApiProduces(...EXPORTS)
  @ApiOkResponse({ type: ReportDto })
  targets(@CurrentUser() p: Principal, @Query() q: UnitQuery) {
    return this.growth.targets(p, q);
  }

  /** Reviewers covering the unit (Diskominfo at the city) or city admins; the audit interceptor records it. */
  @Put('targets')
  @ApiOkResponse({ description: 'The unit’s targets row for the month.' })
  putTarget(@CurrentUser() p: Principal, @Body() body: PutTargetBody) {
    return this.growth.putTarget(p, body);
  }

  @Get('collection')
  @ApiProduces(...EXPORTS)
  @ApiOkResponse({ type: ReportDto })
  collection(@CurrentUser() p: Principal, @Query() q: UnitQuery) {
    return this.content.collection(p, q);
  }

  /** The coordination meeting's composite for one unit and month; `format=pdf` renders it on A4. */
  @Get('monthly')
  @ApiProduces('application/json', 'application/pdf')
  @ApiOkResponse({ description: 'growth, daily, leaderboard, topPosts, programs, targets, inactiveAccounts' })
  async monthly(@CurrentUser() p: Principal, @Query() q: MonthlyQuery) {
    const r = await this.monthlyReports.monthly(p, q);
    if (q.format !== 'pdf') return r;
    const pdf = await renderMonthlyPdf(r);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="kabar-monthly-${r.meta.from}-${r.meta.to}.pdf"`,
      length: pdf.length,
    });
  }
}
