import { FetchedMedia } from './media-fetch';
import { SandboxStore } from './store';
import { Ctx, FaultReplyKind, FaultSpec, Reply, SandboxAccount, SandboxPlatform } from './types';

export interface SandboxEnv {
  store: SandboxStore;
  sandboxUrl: string;
  fetchMedia(url: string): Promise<FetchedMedia>;
}

export type AuthResult = { account?: SandboxAccount; reply?: Reply };

/** One fake platform: who is calling, what the call does, and the platform's own error bodies. */
export interface PlatformModule {
  readonly platform: SandboxPlatform;
  /** Unauthenticated routes (OAuth) return `{}`; a bad token returns the platform's error reply. */
  authenticate(ctx: Ctx, env: SandboxEnv): AuthResult;
  /** The call creates a post (target of `reject`, `drop_after_accept`, `5xx_after_store` and `slow_processing` faults). */
  isCreate(ctx: Ctx): boolean;
  /** `fault`: the fault this call carries that the module itself must act on (`slow_processing`), if any. */
  handle(ctx: Ctx, account: SandboxAccount | undefined, env: SandboxEnv, fault?: FaultSpec): Promise<Reply> | Reply;
  faultReply(kind: FaultReplyKind, ctx: Ctx, fault: FaultSpec, env: SandboxEnv): Reply;
  /** Rate-limit / usage headers added to every answer. */
  headers?(ctx: Ctx, account: SandboxAccount | undefined, env: SandboxEnv): Record<string, string>;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({ status, body, headers });

/** Tokens are valid when known, of this platform, not revoked, not expired. */
export function tokenAccount(env: SandboxEnv, platform: SandboxPlatform, token: string | undefined) {
  const rec = env.store.tokenRecord(token);
  if (!rec || rec.platform !== platform || rec.revoked || rec.kind === 'refresh') return { state: 'invalid' as const };
  if (rec.expiresAt !== undefined && rec.expiresAt <= env.store.now()) return { state: 'expired' as const, rec };
  const account = env.store.account(platform, rec.externalId);
  return account ? { state: 'ok' as const, account, rec } : { state: 'invalid' as const };
}

export function routeMatch(pattern: RegExp, ctx: Ctx, method?: string): RegExpExecArray | null {
  if (method && ctx.method !== method) return null;
  return pattern.exec(ctx.path);
}
