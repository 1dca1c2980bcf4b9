import type { CallGate } from './http/call-gate';

export const PLATFORMS = ['facebook', 'instagram', 'x', 'telegram', 'mastodon', 'tiktok', 'youtube', 'threads'] as const;
export type Platform = (typeof PLATFORMS)[number];

/**
 * Platforms whose sends to one account must not overlap across all workers: Telegram's lost-answer check
 * tells its message apart by sequential ids, which only works when no other send of the channel is in flight.
 */
export const SERIAL_SEND_PLATFORMS: readonly Platform[] = ['telegram'];

/** Platforms with no API to reply to a comment or mention (TikTok): a reply there is refused before anything is sent. */
export const NO_REPLY_PLATFORMS: readonly Platform[] = ['tiktok'];

export interface PublishMedia {
  url: string;
  mimeType: string;
  width?: number;
  height?: number;
  bytes?: number;
  altText?: string;
}

/**
 * What a reply answers (a citizen's comment, reply or mention), as the platform names it. A reply is published
 * and checked through the same engine as a post; adapters branch on `PublishContent.replyTo`.
 */
export interface ReplyTo {
  /** The platform id of the comment, reply or mention answered (Telegram: `<chat id>:<message id>` or the message id with `chatId`). */
  externalId: string;
  /** The post it sits under (Instagram media, YouTube video, Facebook post…), when known. */
  postExternalId?: string;
  /** The top-level comment when `externalId` is a reply to it (Instagram and YouTube only take replies on top-level comments). */
  parentExternalId?: string;
  /** Telegram: the discussion group's chat id where the comment was written. */
  chatId?: string;
  /** The citizen's public handle. */
  authorHandle?: string;
  /** What was written: a comment on the account's post, a reply to one, a mention elsewhere, a group message. */
  kind?: 'comment' | 'reply' | 'mention' | 'message';
}

export interface PublishContent {
  text: string;
  link?: string;
  hashtags?: string[];
  media?: PublishMedia[];
  /** Present for a reply to a citizen's comment or mention: published on the platform as a reply to it. */
  replyTo?: ReplyTo;
}

export interface AccountCredentials {
  platform: Platform;
  externalId: string;
  handle?: string;
  accessToken: string;
  refreshToken?: string;
  /** Mastodon only: https://instance.example */
  instanceUrl?: string;
  tokenExpiresAt?: Date;
}

/** A content rule broken; `code` is an i18n key, `params` its interpolation values. No user-facing text. */
export interface ContentProblem {
  field: string;
  code: string;
  params: Record<string, string | number>;
}

export interface PublishResult {
  externalId: string;
  url: string;
}

/**
 * What a platform hands out on the way to a post (Instagram/Threads `containerId`, YouTube `uploadUrl`,
 * TikTok `publishId`, …). Kept on the attempt row so any worker can continue or check; string values only.
 */
export type PublishHandles = Record<string, string>;

export interface PublishOptions {
  idempotencyKey: string;
  /** Handles kept by earlier attempts of the same target: continue from them instead of starting over. */
  handles?: PublishHandles;
  /**
   * Called with each new handle as soon as the platform hands it out, before the next platform call; the
   * adapter awaits it (the caller stores the handle durably first).
   */
  checkpoint?: (handles: PublishHandles) => Promise<void>;
}

/** A post of the account Kabar already knows (a published target): never adopted again; Telegram's id bounds. */
export interface KnownPost {
  externalId: string;
  publishedAt: Date;
}

/** What the engine knows when it asks whether a try whose answer was lost created a post. */
export interface CheckRequest {
  /** The content that was sent (the same for every try of the target). */
  content: PublishContent;
  /** When the first try whose outcome is unknown started. */
  since: Date;
  /** When the last try whose outcome is unknown ended (answer lost, 5xx, poll budget run out). */
  lostAt: Date;
  /** Handles kept by the target's tries, latest value per key. */
  handles: PublishHandles;
  /** This account's posts Kabar knows, from some time before `since` on (adapters skip them when matching). */
  known: KnownPost[];
  /** Other targets of the same account whose outcome is also unknown and whose tries overlap this one's window. */
  otherUnknown: number;
  now: Date;
}

/**
 * The three answers (and "ask again later"):
 * - found: the post exists; adopt it.
 * - absent: the platform's contract proves nothing was posted (a complete, consistent listing, a container
 *   not published, an upload session not finished). `handles` (optional) lets the next publish continue.
 * - pending: the platform is still processing, or its listing is not yet consistent: ask again after `retryAfterMs`;
 *   `unknownReason` is the reason to give when the engine stops waiting (KABAR_PUBLISH_CHECK_WINDOW).
 * - unknown: no safe check exists; a person must look. `reason` is a stable code (the console translates it).
 */
export type CheckResult =
  | { state: 'found'; post: PublishResult; how: string }
  | { state: 'absent'; how: string; handles?: PublishHandles }
  | { state: 'pending'; how: string; retryAfterMs: number; unknownReason?: string }
  | { state: 'unknown'; reason: string };

export interface RecentPost {
  externalId: string;
  url: string;
  text: string;
  createdAt: Date;
}

export interface AccountMetrics {
  followers: number;
  following?: number;
  posts?: number;
  raw?: Record<string, number>;
}

export interface PostMetrics {
  likes?: number;
  comments?: number;
  shares?: number;
  views?: number;
  impressions?: number;
  reach?: number;
}

export interface AuthorizeUrlParams {
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge?: string;
  scopes: string[];
}

export interface ExchangeCodeParams {
  code: string;
  redirectUri: string;
  codeVerifier?: string;
  clientId: string;
  clientSecret: string;
}

export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  expiresAt?: Date;
  scopes?: string[];
  externalId?: string;
  handle?: string;
}

/** OAuth client identity needed by refresh flows that require it (X, TikTok, YouTube). */
export interface OAuthClient {
  clientId: string;
  clientSecret: string;
}

import type { CommentReader } from './comments/types';

export interface PlatformAdapter extends CommentReader {
  readonly platform: Platform;
  validate(content: PublishContent): ContentProblem[];
  publish(account: AccountCredentials, content: PublishContent, opts: PublishOptions): Promise<PublishResult>;
  /** Posts of the account created at or after `since`, newest first, as far as the platform lists them. */
  findRecent(account: AccountCredentials, since: Date): Promise<RecentPost[]>;
  /**
   * After a try whose outcome is unknown: did it create a post? Never changes or publishes anything.
   * Throws PlatformError when the platform could not be asked (the engine asks again later).
   */
  check(account: AccountCredentials, req: CheckRequest): Promise<CheckResult>;
  accountMetrics(account: AccountCredentials): Promise<AccountMetrics>;
  postMetrics(account: AccountCredentials, externalIds: string[]): Promise<Record<string, PostMetrics>>;
  /** Present where the platform has OAuth. */
  authorizeUrl?(params: AuthorizeUrlParams): string;
  exchangeCode?(params: ExchangeCodeParams): Promise<TokenSet>;
  /** Present where the platform has refresh tokens or refreshable long-lived tokens. */
  refresh?(account: AccountCredentials, client?: OAuthClient): Promise<TokenSet>;
}

export interface OAuthEndpoints {
  authorizeUrl: string;
  tokenUrl: string;
}

/**
 * Where Kabar may send requests. Public addresses always; loopback, private, link-local (cloud metadata),
 * CGNAT, multicast and reserved ones only when an entry allows them (see outbound-allow.ts for the syntax).
 */
export interface OutboundConfig {
  /** Operator's allow list (KABAR_OUTBOUND_ALLOW): host names, addresses, CIDR ranges, optionally with a port. */
  allow: string[];
  /** Also allowed for media downloads only: Kabar's own origin, which serves the media links. */
  mediaAllow?: string[];
  /** Longest platform answer read (default 10 MiB); media downloads are capped by the platform's media limits. */
  maxResponseBytes?: number;
}

export interface PlatformsConfig {
  apiUrls: Record<Platform, string>;
  oauth: Record<Platform, OAuthEndpoints>;
  timeoutMs: number;
  perAccountConcurrency: number;
  pollIntervalMs: number;
  pollMaxAttempts: number;
  /** Outbound address guard; absent: only public addresses. */
  outbound?: OutboundConfig;
  /** OAuth client used by refresh() when the caller does not pass one. */
  clients?: Partial<Record<Platform, OAuthClient>>;
  /** Per-account concurrency and rate headers shared by every worker (SharedLimits.gate); absent: in-process. */
  gate?: CallGate;
  /** Optional sink for redacted diagnostics; never receives tokens. */
  logger?: (event: string, details: Record<string, unknown>) => void;
}
