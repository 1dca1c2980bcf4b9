import { DEFAULT_GROWTH_SEED } from './growth/follower-growth';
import { liveCounters, liveFollowers } from './growth/live-counters';
import { snowflake, token as newToken } from './ids';
import { FaultKind, FaultSpec, SandboxAccount, SandboxCredentials, SandboxPlatform, SandboxPost, TokenRecord } from './types';

/** Token shapes and lifetimes per platform (platform-apis.md). */
const TOKEN_STYLE: Record<SandboxPlatform, { prefix: string; ttlSec?: number; refresh: boolean }> = {
  facebook: { prefix: 'EAAG', refresh: false },
  instagram: { prefix: 'IGAA', ttlSec: 5_183_944, refresh: false },
  x: { prefix: 'xat-', ttlSec: 7200, refresh: true },
  telegram: { prefix: '', refresh: false },
  mastodon: { prefix: 'mst-', refresh: false },
  tiktok: { prefix: 'act.', ttlSec: 86_400, refresh: true },
  youtube: { prefix: 'ya29.', ttlSec: 3599, refresh: true },
  threads: { prefix: 'THQ', ttlSec: 5_183_944, refresh: false },
};

export interface CreateAccountOptions {
  externalId?: string;
  handle?: string;
  name?: string;
  /** Followers at `followersAt` (default: now); the growth model continues from there. */
  followers?: number;
  followersAt?: Date | number;
  following?: number;
  scopes?: string[];
}

/** All sandbox state: accounts, tokens, posts, faults, per-platform scratch state. */
export class SandboxStore {
  private accounts = new Map<string, SandboxAccount>();
  private tokens = new Map<string, TokenRecord>();
  private postList: SandboxPost[] = [];
  private postIndex = new Map<string, SandboxPost>();
  private faultList: Array<FaultSpec & { remaining: number }> = [];
  private bags = new Map<string, Map<string, unknown>>();
  private offsetMs = 0;
  private counter = 0;
  private timer?: NodeJS.Timeout;

  /** Seed of the growth model: the same seed gives the same followers and post counters at the same instant. */
  constructor(readonly seed: number = DEFAULT_GROWTH_SEED) {}

  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Moves the sandbox clock (token ages and expiry, container expiry) forward. */
  advanceTime(ms: number): void {
    this.offsetMs += ms;
  }

  createAccount(platform: SandboxPlatform, opts: CreateAccountOptions = {}): SandboxCredentials {
    this.counter += 1;
    const n = this.counter;
    const externalId = opts.externalId ?? defaultExternalId(platform, n);
    const handle = opts.handle ?? (platform === 'telegram' && externalId.startsWith('@') ? externalId.slice(1) : `kabar_${platform}_${n}`);
    const createdAt = this.now();
    const anchor = { followers: opts.followers ?? 100 * n, at: opts.followersAt === undefined ? createdAt : new Date(opts.followersAt).getTime() };
    const account = liveFollowers(
      {
        platform,
        externalId,
        handle,
        name: opts.name ?? `Kabar ${platform} ${n}`,
        following: opts.following ?? 10,
        scopes: opts.scopes ?? [],
        createdAt,
        extra: { chatId: `-100${1_000_000_000 + n}`, uploads: `UU${externalId.slice(2)}` },
      },
      anchor,
      this,
    );
    this.accounts.set(`${platform}:${externalId}`, account);
    return this.issueTokens(account);
  }

  /**
   * Registers an account with tokens issued earlier (the sandbox keeps state in memory; Kabar's embedded
   * default calls this at each start for the sandbox accounts stored in its database). Given the followers last
   * read and when (`followersAt`), the account continues its growth curve from there.
   */
  restoreAccount(platform: SandboxPlatform, opts: CreateAccountOptions & { externalId: string; accessToken: string; refreshToken?: string }): void {
    if (!this.accounts.has(`${platform}:${opts.externalId}`)) {
      const { accessToken: _a, refreshToken: _r, ...rest } = opts;
      this.createAccount(platform, rest);
    }
    const account = this.accounts.get(`${platform}:${opts.externalId}`)!;
    const issuedAt = this.now();
    this.tokens.set(opts.accessToken, { token: opts.accessToken, platform, externalId: account.externalId, kind: 'access', issuedAt, scopes: account.scopes });
    if (opts.refreshToken)
      this.tokens.set(opts.refreshToken, {
        token: opts.refreshToken,
        platform,
        externalId: account.externalId,
        kind: 'refresh',
        issuedAt,
        scopes: account.scopes,
      });
  }

  account(platform: SandboxPlatform, externalId: string): SandboxAccount | undefined {
    return this.accounts.get(`${platform}:${externalId}`);
  }

  listAccounts(platform?: SandboxPlatform): SandboxAccount[] {
    return [...this.accounts.values()].filter((a) => !platform || a.platform === platform);
  }

  issueTokens(account: SandboxAccount, kind: TokenRecord['kind'] = 'access', ttlSec?: number): SandboxCredentials {
    const style = TOKEN_STYLE[account.platform];
    const issuedAt = this.now();
    const prefix = account.platform === 'telegram' ? `${700000000 + this.counter}:` : style.prefix;
    const access = newToken(prefix);
    const ttl = ttlSec ?? style.ttlSec;
    const expiresAt = ttl ? issuedAt + ttl * 1000 : undefined;
    this.tokens.set(access, { token: access, platform: account.platform, externalId: account.externalId, kind, issuedAt, expiresAt, scopes: account.scopes });
    let refresh: string | undefined;
    if (style.refresh && kind === 'access') {
      refresh = newToken(account.platform === 'tiktok' ? 'rft.' : account.platform === 'youtube' ? '1//0g' : 'xrt-');
      this.tokens.set(refresh, {
        token: refresh,
        platform: account.platform,
        externalId: account.externalId,
        kind: 'refresh',
        issuedAt,
        scopes: account.scopes,
      });
    }
    return {
      externalId: account.externalId,
      handle: account.handle,
      accessToken: access,
      refreshToken: refresh,
      tokenExpiresAt: expiresAt ? new Date(expiresAt) : undefined,
    };
  }

  tokenRecord(token: string | undefined): TokenRecord | undefined {
    return token ? this.tokens.get(token) : undefined;
  }

  revokeToken(token: string): void {
    const rec = this.tokens.get(token);
    if (rec) rec.revoked = true;
  }

  /** Makes every access token of the account expired (refresh tokens stay valid). */
  expireTokens(platform: SandboxPlatform, externalId: string): void {
    for (const rec of this.tokens.values())
      if (rec.platform === platform && rec.externalId === externalId && rec.kind !== 'refresh') rec.expiresAt = this.now() - 1000;
  }

  /** Stores a new post; its counters follow the growth model from the author's followers at this moment. */
  addPost(post: Omit<SandboxPost, 'likes' | 'comments' | 'shares' | 'views' | 'reach' | 'createdAt'> & Partial<SandboxPost>): SandboxPost {
    const followersAtPost = this.account(post.platform, post.accountExternalId)?.followers ?? 0;
    const full = liveCounters({ likes: 0, comments: 0, shares: 0, views: 0, reach: 0, createdAt: new Date(this.now()), ...post }, followersAtPost, this);
    this.postList.push(full);
    this.postIndex.set(`${full.platform}:${full.externalId}`, full);
    return full;
  }

  post(platform: SandboxPlatform, externalId: string): SandboxPost | undefined {
    return this.postIndex.get(`${platform}:${externalId}`);
  }

  /** Every post created, oldest first: the judge of "published exactly once". */
  posts(platform?: SandboxPlatform, accountExternalId?: string): SandboxPost[] {
    return this.postList.filter((p) => (!platform || p.platform === platform) && (!accountExternalId || p.accountExternalId === accountExternalId));
  }

  /**
   * A nudge on top of the growth model (which already moves with the sandbox clock): every post and account
   * gains a little at once. Tests use it to see counters change without waiting.
   */
  tick(): void {
    for (const p of this.postList) {
      const k = Number(BigInt(p.externalId.replace(/\D/g, '').slice(-6) || '0') % 5n);
      p.likes += 1 + k;
      p.comments += k % 2;
      p.shares += k === 4 ? 1 : 0;
      p.views += 10 + k * 3;
      p.reach += 8 + k * 2;
    }
    for (const a of this.accounts.values()) a.followers += 1 + (a.followers % 3);
  }

  startTicker(intervalMs: number): void {
    this.stopTicker();
    this.timer = setInterval(() => this.tick(), intervalMs);
    this.timer.unref();
  }

  stopTicker(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  injectFault(spec: FaultSpec): void {
    this.faultList.push({ ...spec, remaining: spec.count ?? 1 });
  }

  faults(): FaultSpec[] {
    return this.faultList.map(({ remaining, ...f }) => ({ ...f, count: remaining }));
  }

  /** Consumes the first fault matching this request. `reject`/`drop_after_accept` only hit post-creating calls. */
  takeFault(platform: SandboxPlatform, accountExternalId: string | undefined, isCreate: boolean): FaultSpec | undefined {
    const createOnly: FaultKind[] = ['reject', 'drop_after_accept', '5xx_after_store', 'slow_processing'];
    const i = this.faultList.findIndex(
      (f) =>
        (!f.platform || f.platform === platform) &&
        (!f.accountExternalId || f.accountExternalId === accountExternalId) &&
        (isCreate || (!createOnly.includes(f.kind) && f.calls !== 'create')),
    );
    if (i < 0) return undefined;
    const f = this.faultList[i];
    f.remaining -= 1;
    if (f.remaining <= 0) this.faultList.splice(i, 1);
    return f;
  }

  /** Per-platform scratch state (containers, uploads, idempotency keys…), cleared by reset(). */
  bag<T>(name: string): Map<string, T> {
    let b = this.bags.get(name);
    if (!b) {
      b = new Map();
      this.bags.set(name, b);
    }
    return b as Map<string, T>;
  }

  newId(): string {
    return snowflake();
  }

  reset(): void {
    this.accounts.clear();
    this.tokens.clear();
    this.postList = [];
    this.postIndex.clear();
    this.faultList = [];
    this.bags.clear();
    this.offsetMs = 0;
  }
}

function defaultExternalId(platform: SandboxPlatform, n: number): string {
  switch (platform) {
    case 'telegram':
      return `@kabar_channel_${n}`;
    case 'youtube':
      return `UC${String(n).padStart(22, 'k')}`;
    case 'tiktok':
      return `-000kabar${n}`;
    case 'mastodon':
      return String(109_000_000 + n);
    default:
      return `178414000${String(n).padStart(8, '0')}`;
  }
}
