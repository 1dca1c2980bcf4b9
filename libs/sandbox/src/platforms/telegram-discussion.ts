import { syncComments } from '../citizens/comments';
import { SandboxStore } from '../store';
import { SandboxAccount } from '../types';

/** One update as getUpdates returns it: a channel post or a message in a chat the bot is in. */
export interface TgUpdate {
  update_id: number;
  channel_post?: Record<string, unknown>;
  message?: Record<string, unknown>;
}

interface Discussion {
  /** Group message id of each channel post's automatic forward (by the post's message id). */
  forwards: Map<string, number>;
  /** Group message id of each comment (by the sandbox comment id). */
  messages: Map<string, number>;
  nextId: number;
}

/** The channel's linked discussion group (getChat `linked_chat_id`): a supergroup id of its own. */
export const discussionGroupId = (account: SandboxAccount) => Number(account.extra.chatId) - 1_000_000_000;

export function channelChat(account: SandboxAccount) {
  return { id: Number(account.extra.chatId), title: account.name, username: account.handle, type: 'channel' };
}

const groupChat = (account: SandboxAccount) => ({ id: discussionGroupId(account), title: `Diskusi ${account.name}`, type: 'supergroup' });

export function tgUpdates(store: SandboxStore, externalId: string): TgUpdate[] {
  const bag = store.bag<TgUpdate[]>('telegram:updates');
  let list = bag.get(externalId);
  if (!list) bag.set(externalId, (list = []));
  return list;
}

export function pushUpdate(store: SandboxStore, externalId: string, update: Omit<TgUpdate, 'update_id'>): void {
  const list = tgUpdates(store, externalId);
  const counters = store.bag<number>('telegram:update_id');
  const id = (counters.get(externalId) ?? 800_000_000) + 1;
  counters.set(externalId, id);
  list.push({ update_id: id, ...update });
}

/**
 * Brings the discussion group up to the sandbox clock: each channel post is forwarded into the group
 * automatically (`is_automatic_forward`, as Telegram does for a linked group), and each citizen's comment is a
 * group message replying to that forward (or to another comment). The bot is a member and receives them all as
 * `message` updates; the channel's own comments arrive with `sender_chat` = the channel.
 */
export function syncDiscussion(store: SandboxStore, account: SandboxAccount): void {
  const bag = store.bag<Discussion>('telegram:discussion');
  let d = bag.get(account.externalId);
  if (!d) bag.set(account.externalId, (d = { forwards: new Map(), messages: new Map(), nextId: 1 }));
  const group = groupChat(account);
  const channel = channelChat(account);
  for (const post of store.posts('telegram', account.externalId)) {
    if (d.forwards.has(post.externalId)) continue;
    const id = d.nextId++;
    d.forwards.set(post.externalId, id);
    const date = Math.floor(post.createdAt.getTime() / 1000);
    pushUpdate(store, account.externalId, {
      message: {
        message_id: id,
        sender_chat: channel,
        chat: group,
        date,
        is_automatic_forward: true,
        forward_origin: { type: 'channel', chat: channel, message_id: Number(post.externalId), date },
        text: post.text,
      },
    });
  }
  const comments = syncComments(store, account);
  for (const c of comments) {
    if (d.messages.has(c.id) || !c.postExternalId) continue;
    const forward = d.forwards.get(c.postExternalId);
    if (forward === undefined) continue;
    const id = d.nextId++;
    d.messages.set(c.id, id);
    const parent = c.parentId ? comments.find((p) => p.id === c.parentId) : undefined;
    const replyTo = parent && d.messages.has(parent.id) ? d.messages.get(parent.id)! : forward;
    const sender = c.own
      ? { sender_chat: channel, from: { id: 136817688, is_bot: true, first_name: 'Channel', username: 'Channel_Bot' } }
      : { from: { id: Number(c.author.id), is_bot: false, first_name: c.author.name, username: c.author.handle, language_code: 'id' } };
    pushUpdate(store, account.externalId, {
      message: {
        message_id: id,
        ...sender,
        chat: group,
        date: Math.floor(c.createdAt / 1000),
        message_thread_id: forward,
        reply_to_message:
          replyTo === forward
            ? {
                message_id: forward,
                chat: group,
                is_automatic_forward: true,
                forward_origin: { type: 'channel', chat: channel, message_id: Number(c.postExternalId) },
              }
            : { message_id: replyTo, chat: group, from: { id: Number(parent!.author.id), is_bot: false, first_name: parent!.author.name } },
        text: c.text,
      },
    });
  }
}

/** A message id in the discussion group for a message the bot sends there (the group numbers its messages once). */
export function nextGroupMessageId(store: SandboxStore, account: SandboxAccount): number {
  syncDiscussion(store, account);
  const d = store.bag<Discussion>('telegram:discussion').get(account.externalId)!;
  return d.nextId++;
}
