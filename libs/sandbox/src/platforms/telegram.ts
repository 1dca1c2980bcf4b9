import { json, PlatformModule, SandboxEnv, tokenAccount } from '../module';
import { SandboxStore } from '../store';
import { addReply, telegramDiscussionChatId } from '../replies';
import { channelChat, discussionGroupId, nextGroupMessageId, pushUpdate, syncDiscussion, TgUpdate, tgUpdates } from './telegram-discussion';
import { Ctx, Reply, SandboxAccount, SandboxPost } from '../types';

const fail = (code: number, description: string, parameters?: Record<string, number>): Reply =>
  json(code, { ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) });
const ok = (result: unknown): Reply => json(200, { ok: true, result });

/** The Bot API's own refusal texts (telegram-bot-api Client.cpp and TDLib MessagesManager::edit_message_*). */
export const TG_EDIT_NOT_FOUND = 'Bad Request: message to edit not found';
export const TG_EDIT_FORBIDDEN = "Bad Request: message can't be edited";
export const TG_EDIT_NO_TEXT = 'Bad Request: there is no text in the message to edit';
export const TG_EDIT_NO_CAPTION = 'Bad Request: there is no caption in the message to edit';
export const TG_NOT_MODIFIED =
  'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';

/** One message of a channel, whoever posted it. Ids are one sequence per channel, as on Telegram. */
interface TgMessage {
  id: number;
  author: 'bot' | 'human';
  kind: 'text' | 'photo';
  /** Text, or caption of a photo. */
  text: string;
  /** Normalised link_preview_options of a text message: part of its content, like on Telegram. */
  preview?: string;
  date: number;
  editDate?: number;
  deleted?: boolean;
  /** The store post (bot messages only): an edit changes its text too, so tests see any rewrite. */
  post?: SandboxPost;
  body: Record<string, unknown>;
}

/** Rights of the bot in the channel (getChatMember). Sandbox bots post but may not edit others' posts by default. */
export interface TelegramBotRights {
  can_post_messages: boolean;
  can_edit_messages: boolean;
}

function parsePath(ctx: Ctx): { token: string; method: string } | undefined {
  const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(ctx.path);
  return m ? { token: decodeURIComponent(m[1]), method: m[2] } : undefined;
}

const botIdOf = (token: string) => Number(token.split(':')[0]);

const chatOf = channelChat;

function chatMatches(account: SandboxAccount, chatId: unknown): boolean {
  const v = String(chatId ?? '');
  return v === account.externalId || v === String(account.extra.chatId) || v === `@${account.handle}`;
}

function messages(store: SandboxStore, externalId: string): TgMessage[] {
  const bag = store.bag<TgMessage[]>('telegram:messages');
  let list = bag.get(externalId);
  if (!list) bag.set(externalId, (list = []));
  return list;
}

function nextMessageId(store: SandboxStore, externalId: string): number {
  const ids = store.bag<number>('telegram:message_id');
  const id = (ids.get(externalId) ?? 0) + 1;
  ids.set(externalId, id);
  return id;
}

function rights(store: SandboxStore, externalId: string): TelegramBotRights {
  return store.bag<TelegramBotRights>('telegram:rights').get(externalId) ?? { can_post_messages: true, can_edit_messages: false };
}

/** JSON (object) or form (string) link_preview_options, normalised so that equal options compare equal. */
function previewOf(v: unknown): string {
  let o: Record<string, unknown> = {};
  if (typeof v === 'string' && v.trim()) {
    try {
      o = JSON.parse(v) as Record<string, unknown>;
    } catch {
      o = {};
    }
  } else if (v && typeof v === 'object') o = v as Record<string, unknown>;
  return JSON.stringify({
    is_disabled: o.is_disabled === true || o.is_disabled === 'true',
    url: typeof o.url === 'string' ? o.url : null,
    prefer_small_media: o.prefer_small_media === true,
    prefer_large_media: o.prefer_large_media === true,
    show_above_text: o.show_above_text === true,
  });
}

/** JSON (object) or form (string) reply_parameters. */
function replyParametersOf(v: unknown): { message_id?: number; chat_id?: string } | undefined {
  if (typeof v === 'string' && v.trim()) {
    try {
      return JSON.parse(v) as { message_id?: number };
    } catch {
      return undefined;
    }
  }
  return v && typeof v === 'object' ? (v as { message_id?: number }) : undefined;
}

/**
 * sendMessage to the channel's discussion group with `reply_parameters.message_id`: the bot's reply to a comment.
 * The group numbers its messages apart from the channel.
 */
function sendToGroup(ctx: Ctx, account: SandboxAccount, env: SandboxEnv, group: string): Reply {
  const p = ctx.params;
  const text = String(p.text ?? '');
  if (!text.trim()) return fail(400, 'Bad Request: message text is empty');
  if (text.length > 4096) return fail(400, 'Bad Request: message is too long');
  const rp = replyParametersOf(p.reply_parameters);
  const replyTo = Number(rp?.message_id ?? p.reply_to_message_id);
  if (rp && !(Number.isInteger(replyTo) && replyTo > 0)) return fail(400, 'Bad Request: message to be replied not found');
  const id = nextGroupMessageId(env.store, account);
  const date = Math.floor(env.store.now() / 1000);
  const chat = { id: Number(group), title: `${account.name} Chat`, type: 'supergroup' };
  if (replyTo > 0)
    addReply(env.store, {
      platform: 'telegram',
      accountExternalId: account.externalId,
      externalId: `${group}:${id}`,
      parentExternalId: `${group}:${replyTo}`,
      text,
      url: `https://t.me/c/${group.replace(/^-100/, '')}/${id}`,
    });
  return ok({ message_id: id, chat, date, text, ...(replyTo > 0 ? { reply_to_message: { message_id: replyTo, chat } } : {}) });
}

async function send(ctx: Ctx, account: SandboxAccount, env: SandboxEnv, kind: 'text' | 'photo'): Promise<Reply> {
  const p = ctx.params;
  const group = telegramDiscussionChatId(account);
  if (kind === 'text' && String(p.chat_id ?? '') === group) return sendToGroup(ctx, account, env, group);
  if (!chatMatches(account, p.chat_id)) return fail(400, 'Bad Request: chat not found');
  if (!rights(env.store, account.externalId).can_post_messages) return fail(400, 'Bad Request: need administrator rights in the channel chat');
  const date = Math.floor(env.store.now() / 1000);
  const message: Record<string, unknown> = { sender_chat: chatOf(account), chat: chatOf(account), date };
  let text: string;
  const media: Array<{ url?: string; mimeType?: string; bytes?: number }> = [];
  if (kind === 'text') {
    text = String(p.text ?? '');
    if (!text.trim()) return fail(400, 'Bad Request: message text is empty');
    if (text.length > 4096) return fail(400, 'Bad Request: message is too long');
    message.text = text;
  } else {
    text = String(p.caption ?? '');
    if (text.length > 1024) return fail(400, 'Bad Request: message caption is too long');
    const file = ctx.files.find((f) => f.field === 'photo');
    if (file) media.push({ mimeType: file.contentType, bytes: file.data.length });
    else if (typeof p.photo === 'string' && /^https?:\/\//.test(p.photo)) {
      const fetched = await env.fetchMedia(p.photo);
      if (!fetched.ok) return fail(400, 'Bad Request: failed to get HTTP URL content');
      if (fetched.bytes > 5 * 1024 * 1024) return fail(400, 'Bad Request: wrong file identifier/HTTP URL specified');
      media.push({ url: p.photo, mimeType: fetched.contentType, bytes: fetched.bytes });
    } else return fail(400, 'Bad Request: there is no photo in the request');
    const fileId = `AgACAgQAAxkBAAI${env.store.newId()}`;
    message.photo = [{ file_id: fileId, file_unique_id: fileId.slice(-12), width: 1280, height: 720, file_size: media[0].bytes ?? 0 }];
    if (text) message.caption = text;
  }
  const messageId = nextMessageId(env.store, account.externalId);
  message.message_id = messageId;
  const post = env.store.addPost({
    platform: 'telegram',
    accountExternalId: account.externalId,
    externalId: String(messageId),
    url: `https://t.me/${account.handle}/${messageId}`,
    text,
    media,
  });
  messages(env.store, account.externalId).push({
    id: messageId,
    author: 'bot',
    kind,
    text,
    preview: kind === 'text' ? previewOf(p.link_preview_options) : undefined,
    date,
    post,
    body: message,
  });
  // The Bot API never delivers a bot's own messages to that bot (telegram-bot-api need_skip_update_message).
  return ok(message);
}

/**
 * editMessageText / editMessageCaption, refused in TDLib's order: missing id, not editable by this bot
 * (someone else's post without can_edit_messages), wrong content kind, then identical content.
 */
function edit(ctx: Ctx, account: SandboxAccount, env: SandboxEnv, kind: 'text' | 'caption'): Reply {
  const calls = env.store.bag<number>('telegram:edit_calls');
  calls.set(account.externalId, (calls.get(account.externalId) ?? 0) + 1);
  const p = ctx.params;
  if (!chatMatches(account, p.chat_id)) return fail(400, 'Bad Request: chat not found');
  const id = Number(p.message_id);
  const msg = messages(env.store, account.externalId).find((m) => m.id === id && !m.deleted);
  if (!msg) return fail(400, TG_EDIT_NOT_FOUND);
  const r = rights(env.store, account.externalId);
  if (msg.author !== 'bot' ? !r.can_edit_messages : !r.can_post_messages && !r.can_edit_messages) return fail(400, TG_EDIT_FORBIDDEN);
  if (kind === 'text' && msg.kind !== 'text') return fail(400, TG_EDIT_NO_TEXT);
  if (kind === 'caption' && msg.kind !== 'photo') return fail(400, TG_EDIT_NO_CAPTION);
  const text = String((kind === 'text' ? p.text : p.caption) ?? '');
  if (kind === 'text' && !text.trim()) return fail(400, 'Bad Request: message text is empty');
  if (text.length > (kind === 'text' ? 4096 : 1024)) return fail(400, `Bad Request: message ${kind === 'text' ? 'is' : 'caption is'} too long`);
  const preview = kind === 'text' ? previewOf(p.link_preview_options) : undefined;
  if (text === msg.text && preview === msg.preview) return fail(400, TG_NOT_MODIFIED);
  msg.text = text;
  msg.preview = preview;
  msg.editDate = Math.floor(env.store.now() / 1000);
  if (msg.post) msg.post.text = text;
  const body: Record<string, unknown> = { ...msg.body, edit_date: msg.editDate };
  if (kind === 'text') body.text = text;
  else if (text) body.caption = text;
  else delete body.caption;
  msg.body = body;
  return ok(body);
}

function getChatMember(ctx: Ctx, account: SandboxAccount, env: SandboxEnv, botId: number): Reply {
  if (!chatMatches(account, ctx.params.chat_id)) return fail(400, 'Bad Request: chat not found');
  const userId = Number(ctx.params.user_id);
  if (!Number.isSafeInteger(userId) || userId <= 0) return fail(400, 'Bad Request: invalid user_id specified');
  if (userId !== botId) return ok({ status: 'left', user: { id: userId, is_bot: false, first_name: 'Warga' } });
  const r = rights(env.store, account.externalId);
  return ok({
    status: 'administrator',
    user: { id: botId, is_bot: true, first_name: 'Kabar Bot', username: 'kabar_bot' },
    can_be_edited: false,
    is_anonymous: false,
    can_manage_chat: true,
    can_delete_messages: true,
    can_manage_video_chats: false,
    can_restrict_members: true,
    can_promote_members: false,
    can_change_info: false,
    can_invite_users: true,
    can_post_stories: false,
    can_edit_stories: false,
    can_delete_stories: false,
    can_post_messages: r.can_post_messages,
    can_edit_messages: r.can_edit_messages,
  });
}

function getUpdates(ctx: Ctx, account: SandboxAccount, env: SandboxEnv): Reply {
  syncDiscussion(env.store, account);
  const dayAgo = env.store.now() / 1000 - 86_400;
  // Telegram keeps updates for 24 hours; a call with an offset confirms (drops) every update before it
  let list = tgUpdates(env.store, account.externalId).filter((u) => Number((u.channel_post ?? u.message)?.date) >= dayAgo);
  const offset = Number(ctx.params.offset ?? 0);
  if (offset > 0) list = list.filter((u) => u.update_id >= offset);
  env.store.bag<TgUpdate[]>('telegram:updates').set(account.externalId, list);
  const allowed = allowedUpdates(env.store, account.externalId, ctx.params.allowed_updates);
  const wanted = list.filter((u) => (u.message ? allowed.includes('message') : allowed.includes('channel_post')));
  return ok(wanted.slice(0, Math.min(100, Math.max(1, Number(ctx.params.limit ?? 100)))));
}

/** `allowed_updates` (JSON array): kept for later calls that do not give it, as on Telegram; default: all kinds. */
function allowedUpdates(store: SandboxStore, externalId: string, given: unknown): string[] {
  const bag = store.bag<string[]>('telegram:allowed_updates');
  if (given !== undefined) {
    let list: unknown = given;
    try {
      if (typeof given === 'string') list = JSON.parse(given);
    } catch {
      list = [];
    }
    bag.set(externalId, Array.isArray(list) && list.length ? list.map(String) : ['message', 'channel_post']);
  }
  return bag.get(externalId) ?? ['message', 'channel_post'];
}

/**
 * A post by a human admin of the channel (from a Telegram app, not the bot): it takes the next id of the
 * channel's sequence and reaches the bot as a `channel_post` update. Returns its message id.
 */
export function telegramHumanPost(store: SandboxStore, externalId: string, post: { text: string; photo?: boolean }): number {
  const account = store.account('telegram', externalId);
  if (!account) throw new Error(`no sandbox telegram account ${externalId}`);
  const id = nextMessageId(store, externalId);
  const date = Math.floor(store.now() / 1000);
  const kind = post.photo ? 'photo' : 'text';
  const body: Record<string, unknown> = { message_id: id, sender_chat: chatOf(account), chat: chatOf(account), date, author_signature: 'Admin' };
  if (kind === 'text') body.text = post.text;
  else {
    body.photo = [{ file_id: `AgACAgQAAxkBAAH${id}`, file_unique_id: `AQAD${id}`, width: 1280, height: 720, file_size: 1000 }];
    if (post.text) body.caption = post.text;
  }
  messages(store, externalId).push({ id, author: 'human', kind, text: post.text, preview: kind === 'text' ? previewOf(undefined) : undefined, date, body });
  pushUpdate(store, externalId, { channel_post: body });
  return id;
}

/** Sets the bot's administrator rights in the channel (getChatMember answers with them; edits obey them). */
export function telegramSetBotRights(store: SandboxStore, externalId: string, change: Partial<TelegramBotRights>): TelegramBotRights {
  const next = { ...rights(store, externalId), ...change };
  store.bag<TelegramBotRights>('telegram:rights').set(externalId, next);
  return next;
}

/** Deletes a message (its id stays used: later edits of it answer "message to edit not found"). */
export function telegramDeleteMessage(store: SandboxStore, externalId: string, messageId: number): boolean {
  const msg = messages(store, externalId).find((m) => m.id === messageId && !m.deleted);
  if (msg) msg.deleted = true;
  return !!msg;
}

/** Every message of the channel, bot's and humans', oldest first, with its current text. */
export function telegramMessages(store: SandboxStore, externalId: string) {
  return messages(store, externalId).map((m) => ({
    messageId: m.id,
    author: m.author,
    kind: m.kind,
    text: m.text,
    edited: m.editDate !== undefined,
    deleted: m.deleted === true,
  }));
}

/** How many editMessageText/editMessageCaption calls the channel received. */
export function telegramEditCalls(store: SandboxStore, externalId: string): number {
  return store.bag<number>('telegram:edit_calls').get(externalId) ?? 0;
}

/** `/_sandbox/telegram/*` controls for other processes: human posts, bot rights, deletions, messages. */
export function telegramControl(
  store: SandboxStore,
  path: string,
  method: string,
  body: Record<string, any>,
  query: URLSearchParams,
): { status: number; body: unknown } | undefined {
  const externalId = String(body.externalId ?? query.get('account') ?? '');
  if (!store.account('telegram', externalId)) return { status: 404, body: { error: `no telegram account ${externalId}` } };
  if (path === '/human-post' && method === 'POST')
    return { status: 201, body: { message_id: telegramHumanPost(store, externalId, { text: String(body.text ?? ''), photo: body.photo === true }) } };
  if (path === '/bot-rights' && method === 'POST') {
    const change: Partial<TelegramBotRights> = {};
    if (typeof body.can_edit_messages === 'boolean') change.can_edit_messages = body.can_edit_messages;
    if (typeof body.can_post_messages === 'boolean') change.can_post_messages = body.can_post_messages;
    return { status: 200, body: telegramSetBotRights(store, externalId, change) };
  }
  if (path === '/delete-message' && method === 'POST')
    return telegramDeleteMessage(store, externalId, Number(body.messageId))
      ? { status: 200, body: { ok: true } }
      : { status: 404, body: { error: 'no such message' } };
  if (path === '/messages' && method === 'GET')
    return { status: 200, body: { messages: telegramMessages(store, externalId), editCalls: telegramEditCalls(store, externalId) } };
  return undefined;
}

/** Telegram Bot API: /bot<token>/<method>, GET or POST, query/form/JSON/multipart; HTTP status = error_code. */
export const telegram: PlatformModule = {
  platform: 'telegram',
  authenticate(ctx, env) {
    const parsed = parsePath(ctx);
    if (!parsed) return { reply: fail(404, 'Not Found') };
    const t = tokenAccount(env, 'telegram', parsed.token);
    return t.state === 'ok' ? { account: t.account } : { reply: fail(401, 'Unauthorized') };
  },
  isCreate: (ctx) => /^(sendMessage|sendPhoto)$/.test(parsePath(ctx)?.method ?? ''),
  async handle(ctx, account, env) {
    const { method, token } = parsePath(ctx)!;
    const a = account!;
    const botId = botIdOf(token);
    switch (method) {
      case 'getMe':
        return ok({ id: botId, is_bot: true, first_name: 'Kabar Bot', username: 'kabar_bot', can_join_groups: false, can_read_all_group_messages: false });
      case 'sendMessage':
        return send(ctx, a, env, 'text');
      case 'sendPhoto':
        return send(ctx, a, env, 'photo');
      case 'editMessageText':
        return edit(ctx, a, env, 'text');
      case 'editMessageCaption':
        return edit(ctx, a, env, 'caption');
      case 'getChat':
        return chatMatches(a, ctx.params.chat_id)
          ? ok({ ...chatOf(a), description: '', linked_chat_id: discussionGroupId(a) })
          : fail(400, 'Bad Request: chat not found');
      case 'getChatMember':
        return getChatMember(ctx, a, env, botId);
      case 'getChatMemberCount':
        return chatMatches(a, ctx.params.chat_id) ? ok(a.followers) : fail(400, 'Bad Request: chat not found');
      case 'getUpdates':
        return getUpdates(ctx, a, env);
      default:
        return fail(404, 'Not Found');
    }
  },
  faultReply(kind, _ctx, fault) {
    if (kind === 'server') return fail(502, 'Bad Gateway');
    if (kind === 'rate') {
      const s = fault.resetInSeconds ?? 35;
      return fail(429, `Too Many Requests: retry after ${s}`, { retry_after: s });
    }
    if (kind === 'expired') return fail(403, 'Forbidden: bot was kicked from the channel chat');
    return fail(400, fault.message ?? 'Bad Request: can\'t parse entities: Unsupported start tag "foo" at byte offset 0');
  },
};
