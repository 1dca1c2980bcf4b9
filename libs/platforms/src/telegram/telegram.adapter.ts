import { BaseAdapter } from '../adapter-base';
import { CommentCapabilities, CommentRead, CommentScope } from '../comments/types';
import { discussionPage, TgUpdate, UPDATES_LIMIT } from './telegram-discussion';
import { PlatformError, PlatformErrorKind } from '../errors';
import { Classifier, HttpReply } from '../http/http-client';
import { fileForm } from '../http/media';
import { inSeconds } from '../http/retry-at';
import { composeText } from '../text/compose';
import { AccountCredentials, AccountMetrics, CheckRequest, CheckResult, PostMetrics, PublishContent, PublishResult, RecentPost, ReplyTo } from '../types';
import { rightsProblem, TgChatMember } from './telegram-rights';
import { ProbeAnswer, searchWindow } from './telegram-search';
import { candidateWindow } from './telegram-window';

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

/** Sent with every text post, and with every probe of one: the preview options are part of a message's content. */
const LINK_PREVIEW = { is_disabled: false };

/**
 * A lost sendMessage may still be carried out this long after its answer was lost. Sends to one channel are
 * serialised (SERIAL_SEND_PLATFORMS), so a later Kabar post's request starts only after the lost one ended.
 */
export const TELEGRAM_LATE_MS = 30_000;
/**
 * Without a later Kabar post to bound the search (or while another post of the channel is unresolved), the check
 * answers "ask again later" this long after the loss, since a busy channel soon gets one; then it is unknown.
 */
export const TELEGRAM_BOUND_WAIT_MS = 5 * 60_000;
const WAITING = new Set(['telegram_no_later_post', 'telegram_other_unconfirmed']);
/** Edits sent at most by one check (each is a call counted by Telegram's per-chat limits). */
export const TELEGRAM_MAX_PROBES = 50;
/** Without a later known post: this many "not found" in a row past the last existing id end the search. */
export const TELEGRAM_TRAILING_MISSES = 3;

const PROBE_OURS = /message is not modified/i;
const PROBE_MISSING = /message to edit not found|MESSAGE_ID_INVALID/i;
const PROBE_OTHER = /message can't be edited|there is no (text|caption) in the message to edit/i;

export function messageUrl(m: TgMessage): string {
  return m.chat.username ? `https://t.me/${m.chat.username}/${m.message_id}` : `https://t.me/c/${String(m.chat.id).replace(/^-100/, '')}/${m.message_id}`;
}

/**
 * The discussion group and message a reply answers: `replyTo.chatId` + a message id, or the comment's id as
 * collection stores it, `<chat id>_<message id>` (`<chat id>:<message id>` is read too).
 */
export function telegramReplyTarget(replyTo: ReplyTo): { chatId: string; messageId: number } | null {
  const m = /^(-?\d+)[:_](\d+)$/.exec(replyTo.externalId);
  const chatId = replyTo.chatId ?? m?.[1];
  const messageId = Number(m ? m[2] : replyTo.externalId);
  return chatId && Number.isInteger(messageId) && messageId > 0 ? { chatId, messageId } : null;
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

  private async call<T>(account: AccountCredentials, name: string, data: Record<string, unknown>): Promise<T> {
    return (await this.http.send<TgResponse<T>>(account, { method: 'POST', url: this.method(account, name), data })).data.result!;
  }

  /**
   * Comments live in the channel's linked discussion group, which the bot (a member) receives through getUpdates
   * (`message` updates); no mentions API. One scope, its cursor the update offset.
   */
  readonly commentCapabilities: CommentCapabilities = { comments: true, mentions: false, perPost: false };

  commentScopes(): CommentScope[] {
    return [{ key: 'discussion' }];
  }

  /** getChat → linked_chat_id; getUpdates?offset={cursor}&allowed_updates=["message"] (one page: the next call confirms it). */
  async readComments(account: AccountCredentials, _scope: CommentScope, cursor: string | null): Promise<CommentRead> {
    const chat = await this.call<{ id: number; linked_chat_id?: number }>(account, 'getChat', { chat_id: account.externalId });
    if (!chat.linked_chat_id) return { items: [], cursor, more: false };
    const updates = await this.call<TgUpdate[]>(account, 'getUpdates', {
      ...(cursor ? { offset: Number(cursor) } : {}),
      limit: UPDATES_LIMIT,
      timeout: 0,
      allowed_updates: ['message'],
    });
    return discussionPage(chat.linked_chat_id, updates, cursor);
  }

  async publish(account: AccountCredentials, content: PublishContent): Promise<PublishResult> {
    this.assertValid(content);
    if (content.replyTo) return this.reply(account, content);
    const text = composeText(content);
    const photo = content.media?.[0];
    let message: TgMessage;
    if (photo) {
      const file = await this.download(photo.url, photo.mimeType);
      const body = fileForm('photo', file, { chat_id: account.externalId, ...(text ? { caption: text } : {}) });
      message = (await this.http.send<TgResponse<TgMessage>>(account, { method: 'POST', url: this.method(account, 'sendPhoto'), data: body }, { create: true }))
        .data.result!;
    } else {
      const data = { chat_id: account.externalId, text, link_preview_options: LINK_PREVIEW };
      message = (await this.http.send<TgResponse<TgMessage>>(account, { method: 'POST', url: this.method(account, 'sendMessage'), data }, { create: true }))
        .data.result!;
    }
    return { externalId: String(message.message_id), url: messageUrl(message) };
  }

  /**
   * `sendMessage` to the channel's discussion group with `reply_parameters.message_id` = the citizen's message.
   * The reply's id is `<group chat id>:<message id>`: the group numbers its messages apart from the channel.
   */
  private async reply(account: AccountCredentials, content: PublishContent): Promise<PublishResult> {
    const target = telegramReplyTarget(content.replyTo!);
    if (!target)
      return this.fail('rejected', { platformCode: 'reply_target_unknown', platformMessage: 'no discussion group chat id for the message replied to' });
    const data = {
      chat_id: target.chatId,
      text: composeText(content),
      link_preview_options: LINK_PREVIEW,
      reply_parameters: { message_id: target.messageId, allow_sending_without_reply: false },
    };
    const message = (await this.http.send<TgResponse<TgMessage>>(account, { method: 'POST', url: this.method(account, 'sendMessage'), data }, { create: true }))
      .data.result!;
    return { externalId: `${message.chat.id}:${message.message_id}`, url: messageUrl(message) };
  }

  /**
   * The Bot API has no history, and never delivers a bot's own messages to it (telegram-bot-api
   * Client::need_skip_update_message skips outgoing messages; getUpdates answers 409 while a webhook is set):
   * nothing to list. Lost answers are settled by check().
   */
  async findRecent(): Promise<RecentPost[]> {
    return [];
  }

  /**
   * Did the lost sendMessage/sendPhoto store a message? Probes the candidate ids with an edit carrying exactly
   * the sent content: Telegram refuses it with "message is not modified" only on the bot's own message that
   * already shows that content, so nothing changes. Only done when that is provably a no-op for every other
   * message: the bot may not edit others' posts, no other Kabar post of the channel is unresolved, ids Kabar
   * knows are skipped. See docs/lost-answers-tg-mastodon-x-facebook.md.
   */
  async check(account: AccountCredentials, req: CheckRequest): Promise<CheckResult> {
    // A reply goes to the discussion group, where citizens' messages take ids between Kabar's and Kabar's sends are
    // not the only ones: no id window can be bounded, so the edit probe proves nothing. A person decides.
    if (req.content.replyTo) return { state: 'unknown', reason: 'telegram_reply_no_check' };
    const res = await this.checkOnce(account, req);
    if (res.state === 'unknown' && WAITING.has(res.reason) && req.now.getTime() - req.lostAt.getTime() < TELEGRAM_BOUND_WAIT_MS)
      return { state: 'pending', how: `${res.reason}_waiting`, retryAfterMs: 20_000, unknownReason: res.reason };
    return res;
  }

  private async checkOnce(account: AccountCredentials, req: CheckRequest): Promise<CheckResult> {
    const text = composeText(req.content);
    const photo = !!req.content.media?.length;
    if (!text.trim()) return { state: 'unknown', reason: 'no_text_to_match' };
    const window = candidateWindow(req, this.config.timeoutMs, TELEGRAM_LATE_MS);
    if (window.lower === undefined) return { state: 'unknown', reason: 'telegram_no_earlier_post' };
    if (req.otherUnknown > 0) return { state: 'unknown', reason: 'telegram_other_unconfirmed' };
    const me = await this.call<{ id: number }>(account, 'getMe', {});
    const chat = await this.call<{ id: number; type: string; username?: string }>(account, 'getChat', { chat_id: account.externalId });
    const member = await this.call<TgChatMember>(account, 'getChatMember', { chat_id: account.externalId, user_id: me.id });
    const problem = rightsProblem(chat.type, member);
    if (problem) return { state: 'unknown', reason: problem };
    const result = await searchWindow({ ...window, lower: window.lower }, (id) => this.probe(account, id, text, photo), {
      maxProbes: TELEGRAM_MAX_PROBES,
      trailingMisses: TELEGRAM_TRAILING_MISSES,
    });
    if (result.state === 'found') {
      const url = messageUrl({ message_id: result.messageId, chat, date: 0 });
      return { state: 'found', post: { externalId: String(result.messageId), url }, how: 'telegram_edit_probe' };
    }
    if (result.state === 'absent') return { state: 'absent', how: 'telegram_edit_probe_bounded' };
    return result;
  }

  /** One edit with exactly the sent content (and the same preview options) on message `id`. */
  private async probe(account: AccountCredentials, id: number, text: string, photo: boolean): Promise<ProbeAnswer> {
    const data = photo
      ? { chat_id: account.externalId, message_id: id, caption: text }
      : { chat_id: account.externalId, message_id: id, text, link_preview_options: LINK_PREVIEW };
    const res = await this.http.send<TgResponse<TgMessage>>(
      account,
      { method: 'POST', url: this.method(account, photo ? 'editMessageCaption' : 'editMessageText'), data },
      { classify: this.classifyProbe },
    );
    if (res.data.ok !== false) {
      // Telegram took it as a change: a bot message Kabar did not know about now shows the sent text. Say so.
      this.config.logger?.('telegram.check.probe_edited', { messageId: id });
      return 'edited';
    }
    const description = res.data.description ?? '';
    if (PROBE_OURS.test(description)) return 'ours';
    if (PROBE_MISSING.test(description)) return 'missing';
    if (PROBE_OTHER.test(description)) return 'other';
    this.config.logger?.('telegram.check.probe_unexpected', { messageId: id, description });
    return { unexpected: description };
  }

  /** A probe's refusals are answers, not errors; auth, 429 and 5xx still throw. */
  private readonly classifyProbe: Classifier = (reply: HttpReply) => {
    const err = this.classify(reply);
    return err?.kind === 'rejected' ? null : err;
  };

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
