import { Injectable } from '@nestjs/common';
import { AppError, currentContext } from '@kabar/common';
import { translate } from '@kabar/i18n';
import { Principal } from '@kabar/org';
import { NotificationListDto, NotificationsQuery } from '../dto/publishing.dto';
import { NotificationsRepository } from '../notifications/notifications.repository';

/** The caller's own notifications, translated into the language of the request. */
@Injectable()
export class NotificationsService {
  constructor(private readonly notifications: NotificationsRepository) {}

  async list(p: Principal, q: NotificationsQuery): Promise<NotificationListDto> {
    const locale = currentContext()?.locale ?? p.locale;
    const rows = await this.notifications.list(p.userId, { unreadOnly: q.unread === true, limit: q.limit ?? 30 });
    return {
      items: rows.map((n) => ({
        id: n.id,
        kind: n.kind,
        message: translate(locale, n.messageKey, n.params),
        messageKey: n.messageKey,
        params: n.params,
        postId: n.postId,
        targetId: n.targetId,
        accountId: n.accountId,
        createdAt: new Date(n.createdAt).toISOString(),
        readAt: n.readAt ? new Date(n.readAt).toISOString() : null,
      })),
      unreadCount: await this.notifications.unreadCount(p.userId),
    };
  }

  async unreadCount(p: Principal): Promise<{ count: number }> {
    return { count: await this.notifications.unreadCount(p.userId) };
  }

  async markRead(p: Principal, id: string): Promise<void> {
    if (!/^\d{1,18}$/.test(id) || !(await this.notifications.markRead(p.userId, id))) throw AppError.notFound('publishing.errors.notificationNotFound');
  }

  async markAllRead(p: Principal): Promise<void> {
    await this.notifications.markAllRead(p.userId);
  }
}
