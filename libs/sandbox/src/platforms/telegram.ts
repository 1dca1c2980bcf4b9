import { json, PlatformModule, SandboxEnv, tokenAccount } from '../module';
import { Ctx, Reply, SandboxAccount } from '../types';

const fail = (code: number, description: string, parameters?: Record<string, number>): Reply =>
  json(code, { ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) });
const ok = (result: unknown): Reply => json(200, { ok: true, result });

interface Update {
  update_id: number;
  channel_post: Record<string, unknown>;
}

function parsePath(ctx: Ctx): { token: string; method: string } | undefined {
  const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(ctx.path);
  return m ? { token: decodeURIComponent(m[1]), method: m[2] } : undefined;
}

function chatOf(account: SandboxAccount) {
  return { id: Number(account.extra.chatId), title: account.name, username: account.handle, type: 'channel' };
}

function chatMatches(account: SandboxAccount, chatId: unknown): boolean {
  const v = String(chatId ?? '');
  return v === account.externalId || v === String(account.extra.chatId) || v === `@${account.handle}`;
}

async function send(ctx: Ctx, account: SandboxAccount, env: SandboxEnv, kind: 'text' | 'photo'): Promise<Reply> {
  const p = ctx.params;
  if (!chatMatches(account, p.chat_id)) return fail(400, 'Bad Request: chat not found');
  const message: Record<string, unknown> = { sender_chat: chatOf(account), chat: chatOf(account), date: Math.floor(env.store.now() / 1000) };
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
  const ids = env.store.bag<number>('telegram:message_id');
  const messageId = (ids.get(account.externalId) ?? 0) + 1;
  ids.set(account.externalId, messageId);
  message.message_id = messageId;
  env.store.addPost({
    platform: 'telegram',
    accountExternalId: account.externalId,
    externalId: String(messageId),
    url: `https://t.me/${account.handle}/${messageId}`,
    text,
    media,
  });
  const updates = env.store.bag<Update[]>('telegram:updates');
  const list = updates.get(account.externalId) ?? [];
  list.push({ update_id: 800_000_000 + list.length + 1, channel_post: message });
  updates.set(account.externalId, list);
  return ok(message);
}

function getUpdates(ctx: Ctx, account: SandboxAccount, env: SandboxEnv): Reply {
  const updates = env.store.bag<Update[]>('telegram:updates');
  const dayAgo = env.store.now() / 1000 - 86_400;
  let list = (updates.get(account.externalId) ?? []).filter((u) => Number(u.channel_post.date) >= dayAgo);
  const offset = Number(ctx.params.offset ?? 0);
  if (offset > 0) list = list.filter((u) => u.update_id >= offset); // confirms earlier updates
  updates.set(account.externalId, list);
  return ok(list.slice(0, Math.min(100, Number(ctx.params.limit ?? 100))));
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
    const method = parsePath(ctx)!.method;
    const a = account!;
    switch (method) {
      case 'getMe':
        return ok({ id: Number(String(ctx.path).split(':')[0].replace(/\D/g, '')), is_bot: true, first_name: 'Kabar Bot', username: 'kabar_bot' });
      case 'sendMessage':
        return send(ctx, a, env, 'text');
      case 'sendPhoto':
        return send(ctx, a, env, 'photo');
      case 'getChat':
        return chatMatches(a, ctx.params.chat_id) ? ok({ ...chatOf(a), description: '' }) : fail(400, 'Bad Request: chat not found');
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
