import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppError, Clock } from '@kabar/common';
import { AccessPolicy, CurrentUser, Principal } from '@kabar/org';
import { ReportQuery } from '../tickets/tickets.dto';
import { AduanReportsService } from './aduan-reports.service';

const DAY = 86_400_000;

@ApiTags('aduan')
@ApiBearerAuth()
@Controller('v1/aduan/reports')
export class AduanReportsController {
  constructor(
    private readonly reports: AduanReportsService,
    private readonly access: AccessPolicy,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Complaints per category, kelurahan, kecamatan and OPD over time; median time to first answer and to resolution; overdue counts' })
  async report(@CurrentUser() p: Principal, @Query() q: ReportQuery) {
    const now = this.clock.now();
    const to = q.to ? new Date(new Date(`${q.to}T00:00:00Z`).getTime() + DAY) : new Date(Math.floor(now.getTime() / DAY) * DAY + DAY);
    const from = q.from ? new Date(`${q.from}T00:00:00Z`) : new Date(to.getTime() - 90 * DAY);
    if (from >= to) throw AppError.badRequest('aduan.reports.badRange');
    if (to.getTime() - from.getTime() > 3 * 366 * DAY) throw AppError.badRequest('aduan.reports.rangeTooLong', { max: 3 });
    return this.reports.report(this.access.paths(p), { from, to, interval: q.interval ?? 'month' }, now);
  }
}
