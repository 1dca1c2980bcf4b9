import { hash32 } from '../growth/hash';
import { SandboxStore } from '../store';
import { SandboxAccount, SandboxPlatform } from '../types';
import { citizenComment, draw, ownReply } from './generator';

export interface SandboxCommentAuthor {
  id: string;
  handle: string;
  name: string;
}

/** A comment on an account's post, a reply to one, or a mention of the account. */
export interface SandboxComment {
  platform: SandboxPlatform;
  accountExternalId: string;
  id: string;
  kind: 'comment' | 'reply' | 'mention';
  postExternalId?: string;
  parentId?: string;
  author: SandboxCommentAuthor;
  /** Written by the account itself (its admin answering). */
  own: boolean;
  text: string;
  createdAt: number;
  intent?: string;
}

interface AccountComments {
  list: SandboxComment[];
  /** Simulated comments already written per post. */
  perPost: Map<string, number>;
  mentions: number;
}

const MINUTE = 60_000;
/** Platforms where citizens mention accounts in their own posts (the others: comments on posts only). */
const MENTION_PLATFORMS: SandboxPlatform[] = ['x', 'mastodon'];
/** Platforms where the sandbox's citizens write (TikTok's public APIs give no comments, so nobody reads them). */
const SIMULATED: SandboxPlatform[] = ['facebook', 'instagram', 'x', 'telegram', 'mastodon', 'youtube', 'threads'];

export function authorOf(handle: string): SandboxCommentAuthor {
  const id = String(100_000_000 + (hash32('author', handle) % 900_000_000));
  const name = handle.replace(/[._]/g, ' ').replace(/\d+/g, '').trim();
  return { id, handle, name: name.replace(/\b\w/g, (c) => c.toUpperCase()) };
}

function state(store: SandboxStore, platform: SandboxPlatform, accountExternalId: string): AccountComments {
  const bag = store.bag<AccountComments>('citizens:comments');
  const key = `${platform}:${accountExternalId}`;
  let s = bag.get(key);
  if (!s) bag.set(key, (s = { list: [], perPost: new Map(), mentions: 0 }));
  return s;
}

/** Whether simulated citizens write (on by default; tests that want only their own comments turn it off). */
export function citizensEnabled(store: SandboxStore): boolean {
  return store.bag<boolean>('citizens:config').get('enabled') !== false;
}

export function setCitizensEnabled(store: SandboxStore, enabled: boolean): void {
  store.bag<boolean>('citizens:config').set('enabled', enabled);
}

/** Minutes after the post (or the previous comment) when the i-th comment comes: 2 to 46 minutes. */
const gapMs = (seed: number, key: string, i: number) => (2 + draw(45, seed, key, i, 'gap')) * MINUTE;

/**
 * Brings the account's simulated comments up to the sandbox clock and returns all of them (oldest first by
 * creation). Each post gets 0–6 comments within a few hours of it, some replies, some by the account itself;
 * mention platforms also get a mention every 1–4 hours from the account's creation. All of it follows from the
 * seed, the account, the post's place in the account's order and the clock, so runs repeat.
 */
export function syncComments(store: SandboxStore, account: SandboxAccount): SandboxComment[] {
  const s = state(store, account.platform, account.externalId);
  if (!citizensEnabled(store) || !SIMULATED.includes(account.platform)) return s.list;
  const now = store.now();
  const seed = store.seed;
  store.posts(account.platform, account.externalId).forEach((post, index) => {
    const key = `${account.platform}:${account.externalId}:${index}`;
    const total = draw(7, seed, key, 'count');
    let done = s.perPost.get(post.externalId) ?? 0;
    let at = post.createdAt.getTime();
    for (let i = 0; i < done; i++) at += gapMs(seed, key, i);
    for (; done < total; done++) {
      at += gapMs(seed, key, done);
      if (at > now) break;
      const earlier = s.list.filter((c) => c.postExternalId === post.externalId && c.kind === 'comment');
      const own = done > 0 && earlier.length > 0 && draw(5, seed, key, done, 'own') === 0;
      const asReply = !own && earlier.length > 0 && draw(4, seed, key, done, 'reply') === 0;
      const parent = own || asReply ? earlier[draw(earlier.length, seed, key, done, 'parent')] : undefined;
      const gen = citizenComment(seed, key, done);
      s.list.push({
        platform: account.platform,
        accountExternalId: account.externalId,
        id: store.newId(),
        kind: parent ? 'reply' : 'comment',
        postExternalId: post.externalId,
        parentId: parent?.id,
        author: own ? { id: account.externalId, handle: account.handle, name: account.name } : authorOf(gen.handle),
        own,
        text: own ? ownReply(seed, key, done) : gen.text,
        createdAt: at,
        intent: own ? undefined : gen.intent,
      });
    }
    s.perPost.set(post.externalId, done);
  });
  if (MENTION_PLATFORMS.includes(account.platform)) {
    const key = `${account.platform}:${account.externalId}:mention`;
    let at = account.createdAt + 20 * MINUTE;
    for (let i = 0; i < s.mentions; i++) at += (60 + draw(180, seed, key, i)) * MINUTE;
    while (at <= now) {
      const gen = citizenComment(seed, key, s.mentions);
      s.list.push({
        platform: account.platform,
        accountExternalId: account.externalId,
        id: store.newId(),
        kind: 'mention',
        author: authorOf(gen.handle),
        own: false,
        text: `@${account.handle} ${gen.text}`,
        createdAt: at,
        intent: gen.intent,
      });
      at += (60 + draw(180, seed, key, s.mentions)) * MINUTE;
      s.mentions += 1;
    }
  }
  return s.list;
}

export interface NewComment {
  text: string;
  postExternalId?: string;
  parentId?: string;
  authorHandle?: string;
  /** The account itself writes it. */
  own?: boolean;
  kind?: SandboxComment['kind'];
}

/** Adds one comment now (tests, `/_sandbox/comments`). */
export function addComment(store: SandboxStore, account: SandboxAccount, c: NewComment): SandboxComment {
  const s = state(store, account.platform, account.externalId);
  const comment: SandboxComment = {
    platform: account.platform,
    accountExternalId: account.externalId,
    id: store.newId(),
    kind: c.kind ?? (c.parentId ? 'reply' : c.postExternalId ? 'comment' : 'mention'),
    postExternalId: c.postExternalId,
    parentId: c.parentId,
    author: c.own ? { id: account.externalId, handle: account.handle, name: account.name } : authorOf(c.authorHandle ?? 'warga_bogor'),
    own: c.own === true,
    text: c.text,
    createdAt: store.now(),
  };
  s.list.push(comment);
  return comment;
}
