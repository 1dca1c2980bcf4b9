import { BaseAdapter } from '../adapter-base';
import { PlatformError, PlatformErrorKind } from '../errors';
import { Classifier } from '../http/http-client';
import { fileForm } from '../http/media';
import { inSeconds } from '../http/retry-at';
import { composeText } from '../text/compose';
import { AccountCredentials, AccountMetrics, PostMetrics, PublishContent, PublishResult, RecentPost } from '../types';

interface TgResponse<T> {
  ok: boolean;
  result?: T;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

interface TgMessage {
  message_id: number;
  date: number;
  chat: { id: number; username?: string };
  text?: string;
  caption?: string;
}

const AUTH_PATTERNS = [/bot was kicked/i, /not a member/i, /bot was blocked/i, /chat not found/i, /need administrator rights/i, /not enough rights/i];

export function messageUrl(m: TgMessage): string {
  return m.chat.username ? `https://t.me/${m.chat.username}/${m.message_id}` : `https://t.me/c/${String(m.chat.id).replace(/^-100/, '')}/${m.message_id}`;
}

/** Telegram Bot API. accessToken = bot token, externalId = channel chat id or @username. No OAuth. */
export class TelegramAdapter extends BaseAdapter {
  readonly platform = 'telegram' as const;

  protected readonly classify: Classifier = (reply) => {
    const body = reply.data as TgResponse<unknown> | undefined;
    if (reply.status < 400 && body?.ok !== false) return null;
    const code = body?.error_code ?? reply.status;
    const description = body?.description ?? `HTTP ${reply.status}`;
    let kind: PlatformErrorKind = 'rejected';
    if (code === 401 || ((code === 403 || code === 400) && AUTH_PATTERNS.some((p) => p.test(description)) && !body?.parameters?.migrate_to_chat_id))
      kind = 'auth';
    else if (code === 429) kind = 'rate_limited';
    else if (code >= 500) kind = 'transient';
    return new PlatformError({
      platform: this.platform,
      kind,
      httpStatus: reply.status,
      platformCode: code,
      platformMessage: description,
      retryAt: kind === 'rate_limited' ? inSeconds(body?.parameters?.retry_after ?? 30) : undefined,
    });
  };

  private method(account: AccountCredentials, name: string): string {
    return `${this.apiUrl}/bot${account.accessToken}/${name}`;
  }

  async publish(account: AccountCredentials, content: PublishContent): Promise<PublishResult> {
    this.assertValid(content);
    const text = composeText(content);
    const photo = content.media?.[0];
    let message: TgMessage;
    if (photo) {
      const file = await this.download(photo.url, photo.mimeType);
      const body = fileForm('photo', file, { chat_id: account.externalId, ...(text ? { caption: text } : {}) });
      message = (await this.http.send<TgResponse<TgMessage>>(account, { method: 'POST', url: this.method(account, 'sendPhoto'), data: body }, { create: true }))
        .data.result!;
    } else {
      const data = { chat_id: account.externalId, text, link_preview_options: { is_disabled: false } };
      message = (await this.http.send<TgResponse<TgMessage>>(account, { method: 'POST', url: this.method(account, 'sendMessage'), data }, { create: true }))
        .data.result!;
    }
    return { externalId: String(message.message_id), url: messageUrl(message) };
  }

  /**
   * The Bot API has no history. The only trace is the `channel_post` updates still pending for the bot
   * (kept 24 h, read here without `offset` so nothing is confirmed). With a webhook set (409) or when
   * another consumer confirmed them, this returns [] — the caller must then flag the outcome for a human.
   */
  async findRecent(account: AccountCredentials, since: Date): Promise<RecentPost[]> {
    let updates: Array<{ channel_post?: TgMessage }>;
    try {
      const res = await this.http.send<TgResponse<Array<{ channel_post?: TgMessage }>>>(account, {
        method: 'POST',
        url: this.method(account, 'getUpdates'),
        data: { allowed_updates: ['channel_post'], limit: 100, timeout: 0 },
      });
      updates = res.data.result ?? [];
    } catch (e) {
      if (e instanceof PlatformError && e.platformCode === 409) return [];
      throw e;
    }
    const target = account.externalId.replace(/^@/, '').toLowerCase();
    return updates
      .map((u) => u.channel_post)
      .filter(
        (m): m is TgMessage =>
          !!m && (String(m.chat.id) === target || m.chat.username?.toLowerCase() === target) && m.date * 1000 >= Math.floor(since.getTime() / 1000) * 1000,
      )
      .map((m) => ({ externalId: String(m.message_id), url: messageUrl(m), text: m.text ?? m.caption ?? '', createdAt: new Date(m.date * 1000) }));
  }

  async accountMetrics(account: AccountCredentials): Promise<AccountMetrics> {
    const res = await this.http.send<TgResponse<number>>(account, {
      method: 'GET',
      url: this.method(account, 'getChatMemberCount'),
      params: { chat_id: account.externalId },
    });
    return { followers: Number(res.data.result ?? 0) };
  }

  /** The Bot API exposes no view or reaction counts for channel posts: every id maps to {}. */
  async postMetrics(_account: AccountCredentials, externalIds: string[]): Promise<Record<string, PostMetrics>> {
    return Object.fromEntries(externalIds.map((id) => [id, {}]));
  }
}
