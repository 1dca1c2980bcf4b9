import { discussionGroupId } from './platforms/telegram-discussion';
import { SandboxStore } from './store';
import { SandboxAccount, SandboxPlatform } from './types';

/**
 * A reply an account wrote under someone's comment, reply or mention (Facebook and Instagram comment replies,
 * YouTube comment replies, Threads replies, Telegram replies in the discussion group; X and Mastodon replies are
 * also tweets/statuses of the account). The judge of "a reply reached the platform exactly once".
 */
export interface SandboxReply {
  platform: SandboxPlatform;
  accountExternalId: string;
  externalId: string;
  /** The comment, reply or mention answered. */
  parentExternalId: string;
  text: string;
  url: string;
  createdAt: Date;
}

const list = (store: SandboxStore): SandboxReply[] => {
  const bag = store.bag<SandboxReply[]>('replies');
  let all = bag.get('all');
  if (!all) bag.set('all', (all = []));
  return all;
};

export function addReply(store: SandboxStore, r: Omit<SandboxReply, 'createdAt'>): SandboxReply {
  const full = { ...r, createdAt: new Date(store.now()) };
  list(store).push(full);
  return full;
}

/** Every reply written, oldest first, optionally of one platform, one parent and one account. */
export function sandboxReplies(store: SandboxStore, filter: { platform?: SandboxPlatform; parent?: string; account?: string } = {}): SandboxReply[] {
  return list(store).filter(
    (r) =>
      (!filter.platform || r.platform === filter.platform) &&
      (!filter.parent || r.parentExternalId === filter.parent) &&
      (!filter.account || r.accountExternalId === filter.account),
  );
}

export function isReply(store: SandboxStore, platform: SandboxPlatform, externalId: string): boolean {
  return list(store).some((r) => r.platform === platform && r.externalId === externalId);
}

/** The supergroup linked to a Telegram channel for its comments (a channel's "discussion group"). */
export function telegramDiscussionChatId(account: SandboxAccount): string {
  return String(discussionGroupId(account));
}
