import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal } from '@kabar/org';
import { NotificationListDto, NotificationsQuery } from '../dto/publishing.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('v1/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOkResponse({ type: NotificationListDto })
  list(@CurrentUser() p: Principal, @Query() q: NotificationsQuery) {
    return this.notifications.list(p, q);
  }

  @Get('unread-count')
  unreadCount(@CurrentUser() p: Principal) {
    return this.notifications.unreadCount(p);
  }

  @Post('read-all')
  @HttpCode(204)
  async readAll(@CurrentUser() p: Principal): Promise<void> {
    await this.notifications.markAllRead(p);
  }

  @Post(':id/read')
  @HttpCode(204)
  async read(@CurrentUser() p: Principal, @Param('id') id: string): Promise<void> {
    await this.notifications.markRead(p, id);
  }
}
