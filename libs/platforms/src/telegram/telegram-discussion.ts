import { CitizenComment, CommentRead } from '../comments/types';

interface TgUser {
  id: number;
  is_bot: boolean;
  first_name?: string;
  last_name?: string;
  username?: string;
}

interface TgGroupMessage {
  message_id: number;
  chat: { id: number; username?: string };
  from?: TgUser;
  sender_chat?: { id: number };
  date: number;
  text?: string;
  caption?: string;
  is_automatic_forward?: boolean;
  forward_origin?: { type: string; message_id?: number };
  reply_to_message?: TgGroupMessage;
}

export interface TgUpdate {
  update_id: number;
  message?: TgGroupMessage;
}

/** Updates per getUpdates call (the Bot API's maximum). */
export const UPDATES_LIMIT = 100;

const link = (chat: TgGroupMessage['chat'], id: number) =>
  chat.username ? `https://t.me/${chat.username}/${id}` : `https://t.me/c/${String(chat.id).replace(/^-100/, '')}/${id}`;

/**
 * The citizens' messages of one getUpdates page: those in the channel's discussion group, written by people (not
 * the channel itself, anonymous admins or bots; a bot never receives its own). A reply to the channel post's
 * automatic forward is a comment on that post; a reply to another message a reply; anything else a message.
 * The cursor is the next update offset (the call that gives it confirms the page, so only after storing).
 */
export function discussionPage(groupId: number, updates: TgUpdate[], cursor: string | null): CommentRead {
  const items: CitizenComment[] = [];
  let next = cursor ? Number(cursor) : 0;
  for (const u of updates) {
    next = Math.max(next, u.update_id + 1);
    const m = u.message;
    if (!m || m.chat.id !== groupId || m.is_automatic_forward || m.sender_chat || !m.from || m.from.is_bot) continue;
    const text = m.text ?? m.caption;
    if (!text) continue;
    const name = [m.from.first_name, m.from.last_name].filter(Boolean).join(' ');
    const r = m.reply_to_message;
    const onPost = r?.is_automatic_forward && r.forward_origin?.message_id !== undefined;
    items.push({
      externalId: `${groupId}_${m.message_id}`,
      kind: onPost ? 'comment' : r ? 'reply' : 'message',
      postExternalId: onPost ? String(r!.forward_origin!.message_id) : undefined,
      parentExternalId: r && !onPost ? `${groupId}_${r.message_id}` : undefined,
      authorExternalId: String(m.from.id),
      authorHandle: m.from.username ?? (name || String(m.from.id)),
      authorName: name || undefined,
      text,
      url: link(m.chat, m.message_id),
      writtenAt: new Date(m.date * 1000),
    });
  }
  return { items, cursor: next ? String(next) : cursor, more: updates.length >= UPDATES_LIMIT };
}
