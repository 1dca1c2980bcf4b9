import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal } from '@kabar/org';
import { CalendarDto, CalendarQuery } from './calendar.dto';
import { CalendarService } from './calendar.service';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('v1/calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  @ApiOkResponse({ type: CalendarDto, description: 'Posts planned in [from, to), times in the caller’s zone.' })
  range(@CurrentUser() p: Principal, @Query() q: CalendarQuery): Promise<CalendarDto> {
    return this.calendar.range(p, q);
  }
}
