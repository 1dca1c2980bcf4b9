import { Module } from '@nestjs/common';
import { OrgModule } from '@kabar/org';
import { HomeController } from './home/home.controller';
import { HomeService } from './home/home.service';
import { ContentReportsService } from './reports/content-reports.service';
import { GrowthReportsService } from './reports/growth-reports.service';
import { MonthlyReportService } from './reports/monthly.service';
import { ReportScope } from './reports/report-scope';
import { ReportsController } from './reports/reports.controller';

/** The API of analytics: reports under /api/v1/analytics (JSON, CSV, XLSX, PDF) and the Home summary. */
@Module({
  imports: [OrgModule],
  controllers: [ReportsController, HomeController],
  providers: [ReportScope, GrowthReportsService, ContentReportsService, MonthlyReportService, HomeService],
})
export class AnalyticsApiModule {}
