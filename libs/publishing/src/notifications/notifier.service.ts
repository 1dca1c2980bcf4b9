import { Injectable, Logger } from '@nestjs/common';
import { NotificationKind, NotificationsRepository } from './notifications.repository';
import { WebhookSender } from './webhook.sender';

export interface PublishingEvent {
  kind: NotificationKind;
  unitId: string;
  postId?: string | null;
  targetId?: string | null;
  accountId?: string | null;
  authorId?: string | null;
  /** Platform words (a rejection reason) or a reason code. */
  reason?: string | null;
  /** Distinguishes repeated events of one target (e.g. a later failure after a manual retry). */
  occurrence?: string | number;
}

const MESSAGE_KEYS: Record<NotificationKind, string> = {
  target_failed: 'publishing.notifications.targetFailed',
  target_missed: 'publishing.notifications.targetMissed',
  target_stuck: 'publishing.notifications.targetStuck',
  target_unconfirmed: 'publishing.notifications.targetUnconfirmed',
  account_needs_reconnect: 'publishing.notifications.accountNeedsReconnect',
};

/** Tells the people concerned (in-app, and the webhook when configured) that publishing needs them. */
@Injectable()
export class Notifier {
  private readonly logger = new Logger('publishing.notifier');

  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly webhook: WebhookSender,
  ) {}

  async notify(e: PublishingEvent): Promise<void> {
    try {
      const names = await this.notifications.describe(e.postId ?? null, e.accountId ?? null);
      const params = { ...names, reason: e.reason ?? '' };
      const subject = e.kind === 'account_needs_reconnect' ? e.accountId : e.targetId;
      const dedupeKey = `${e.kind}:${subject}:${e.occurrence ?? ''}`;
      const { recipients, created } = await this.notifications.create({
        kind: e.kind,
        messageKey: MESSAGE_KEYS[e.kind],
        params,
        unitId: e.unitId,
        postId: e.postId,
        targetId: e.targetId,
        accountId: e.accountId,
        authorId: e.kind === 'account_needs_reconnect' || e.kind === 'target_stuck' ? null : e.authorId,
        dedupeKey,
      });
      // Once per event: the first writer of the rows sends it (or every writer when nobody is addressed).
      if (created > 0 || recipients === 0) {
        void this.webhook.send({
          event: e.kind,
          unitId: e.unitId,
          postId: e.postId ?? null,
          targetId: e.targetId ?? null,
          accountId: e.accountId ?? null,
          ...params,
        });
      }
    } catch (err) {
      // A notification must never break publishing.
      this.logger.warn(`notify ${e.kind} failed: ${(err as Error).message}`);
    }
  }
}
