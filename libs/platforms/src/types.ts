export const PLATFORMS = ['facebook', 'instagram', 'x', 'telegram', 'mastodon', 'tiktok', 'youtube', 'threads'] as const;
export type Platform = (typeof PLATFORMS)[number];

export interface PublishMedia {
  url: string;
  mimeType: string;
  width?: number;
  height?: number;
  bytes?: number;
  altText?: string;
}

export interface PublishContent {
  text: string;
  link?: string;
  hashtags?: string[];
  media?: PublishMedia[];
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

export interface PublishOptions {
  idempotencyKey: string;
}

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

export interface PlatformAdapter {
  readonly platform: Platform;
  validate(content: PublishContent): ContentProblem[];
  publish(account: AccountCredentials, content: PublishContent, opts: PublishOptions): Promise<PublishResult>;
  /** Posts of the account created at or after `since`, for reconciliation after an unknown outcome. */
  findRecent(account: AccountCredentials, since: Date): Promise<RecentPost[]>;
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

export interface PlatformsConfig {
  apiUrls: Record<Platform, string>;
  oauth: Record<Platform, OAuthEndpoints>;
  timeoutMs: number;
  perAccountConcurrency: number;
  pollIntervalMs: number;
  pollMaxAttempts: number;
  /** OAuth client used by refresh() when the caller does not pass one. */
  clients?: Partial<Record<Platform, OAuthClient>>;
  /** Optional sink for redacted diagnostics; never receives tokens. */
  logger?: (event: string, details: Record<string, unknown>) => void;
}
