import type { IncomingHttpHeaders } from 'node:http';

export const SANDBOX_PLATFORMS = ['facebook', 'instagram', 'x', 'telegram', 'mastodon', 'tiktok', 'youtube', 'threads'] as const;
export type SandboxPlatform = (typeof SANDBOX_PLATFORMS)[number];

/**
 * - `5xx`: the call fails before anything is stored (a gateway or backend error).
 * - `5xx_after_store`: the backend stores the post, then a gateway answers 502 (create calls only).
 * - `drop_after_accept`: the backend stores the post, then the connection drops without an answer (create calls only).
 * - `slow`: the answer comes `delayMs` late (the request is still carried out).
 * - `slow_processing`: media processing (TikTok publish, Instagram/Threads containers, YouTube) takes `delayMs`
 *   longer than usual, so a client polling with a budget runs out first (create calls only).
 */
export type FaultKind = '5xx' | '5xx_after_store' | '429' | 'expired_token' | 'slow' | 'slow_processing' | 'drop_after_accept' | 'reject';

export interface FaultSpec {
  platform?: SandboxPlatform;
  accountExternalId?: string;
  kind: FaultKind;
  /** How many of the next matching requests it hits (default 1). */
  count?: number;
  /** `create`: only post-creating calls (reads such as follower counts pass untouched). Default: any call. */
  calls?: 'any' | 'create';
  /** `slow`: answer after this delay (the request is still carried out). */
  delayMs?: number;
  /** `429`: seconds until the advertised reset (default 60). */
  resetInSeconds?: number;
  /** `reject`: reason text in the platform's own body. */
  message?: string;
}

export interface SandboxAccount {
  platform: SandboxPlatform;
  externalId: string;
  handle: string;
  name: string;
  followers: number;
  following: number;
  scopes: string[];
  createdAt: number;
  /** Platform specific (Telegram numeric chat id, Mastodon instance, YouTube uploads playlist…). */
  extra: Record<string, string | number>;
}

export interface SandboxCredentials {
  externalId: string;
  handle: string;
  accessToken: string;
  refreshToken?: string;
  tokenExpiresAt?: Date;
}

export interface SandboxPost {
  platform: SandboxPlatform;
  accountExternalId: string;
  externalId: string;
  url: string;
  text: string;
  title?: string;
  createdAt: Date;
  media: Array<{ url?: string; mimeType?: string; bytes?: number }>;
  likes: number;
  comments: number;
  shares: number;
  views: number;
  reach: number;
}

export interface TokenRecord {
  token: string;
  platform: SandboxPlatform;
  externalId: string;
  kind: 'access' | 'refresh' | 'user' | 'short';
  issuedAt: number;
  expiresAt?: number;
  scopes: string[];
  revoked?: boolean;
}

export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface Ctx {
  method: string;
  /** Path below the platform prefix, without query: `/2/tweets`. */
  path: string;
  query: Record<string, string>;
  body: Record<string, any>;
  /** query + body (body wins), as most platforms accept both. */
  params: Record<string, any>;
  files: UploadedFile[];
  headers: IncomingHttpHeaders;
  raw: Buffer;
  /** Public base of this platform on the sandbox: `http://127.0.0.1:PORT/x`. */
  base: string;
  sandboxUrl: string;
}

export interface Reply {
  status: number;
  body?: unknown;
  raw?: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}

export type FaultReplyKind = 'server' | 'rate' | 'expired' | 'reject';
