import { Injectable, Logger } from '@nestjs/common';
import { AccountHealth, CredentialsService, SocialAccountEntity } from '@kabar/accounts';
import { AccountMetrics, isPlatformError, Platform, PlatformError, PlatformRegistry, PostMetrics, SharedLimits } from '@kabar/platforms';
import { CollectionRepository } from './collection.repository';

/**
 * Post ids per postMetrics call: the platform's batch endpoint limit (X `ids` ≤100, YouTube `id` ≤50,
 * TikTok `video_ids` ≤20, platform-apis.md); the others read one post per call (Telegram has no metrics).
 */
const POST_METRICS_BATCH: Record<Platform, number> = {
  x: 100,
  youtube: 50,
  tiktok: 20,
  telegram: 100,
  facebook: 1,
  instagram: 1,
  threads: 1,
  mastodon: 1,
};

/** What happened to one job; only `retry` fails it (pg-boss retries it with backoff). */
export type JobOutcome = { kind: 'stored' | 'skipped' | 'duplicate' | 'reconnect' } | { kind: 'refused' | 'retry'; message: string };

/**
 * The collectors' way to the platforms: credentials (a token close to expiry is refreshed first), the
 * shared collection budget of all workers (KABAR_COLLECT_PER_PLATFORM_RATE, one token per call; holds the
 * platforms' rate headers asked for; YouTube's daily units), and one place that turns a failure into its outcome.
 */
@Injectable()
export class CollectionGateway {
  private readonly logger = new Logger('analytics.collection');

  constructor(
    private readonly credentials: CredentialsService,
    private readonly platforms: PlatformRegistry,
    private readonly accounts: AccountHealth,
    private readonly repo: CollectionRepository,
    private readonly limits: SharedLimits,
  ) {}

  /** Waits for the shared rate; a hold or a spent YouTube day is a rate limit (the job is retried later). */
  private async admit(account: SocialAccountEntity): Promise<void> {
    const a = await this.limits.admitCollect(account.platform, account.externalId);
    if (!a.ok)
      throw new PlatformError({ platform: account.platform, kind: 'rate_limited', retryAt: a.until, platformCode: 'kabar_budget', platformMessage: a.reason });
  }

  async accountMetrics(account: SocialAccountEntity): Promise<AccountMetrics> {
    const creds = await this.credentials.forAdapter(account);
    await this.admit(account);
    return this.platforms.get(account.platform).accountMetrics(creds);
  }

  async postMetrics(account: SocialAccountEntity, externalIds: string[]): Promise<Record<string, PostMetrics>> {
    const creds = await this.credentials.forAdapter(account);
    const adapter = this.platforms.get(account.platform);
    const size = POST_METRICS_BATCH[account.platform];
    const out: Record<string, PostMetrics> = {};
    for (let i = 0; i < externalIds.length; i += size) {
      await this.admit(account);
      Object.assign(out, await adapter.postMetrics(creds, externalIds.slice(i, i + size)));
    }
    return out;
  }

  /**
   * A definite auth error marks the account needs_reconnect (no retry: the next trigger skips it); a
   * refusal is recorded and not retried; anything else (timeout, 5xx, rate limit) is recorded and retried.
   */
  async failed(accountId: string, e: unknown): Promise<JobOutcome> {
    const message = e instanceof Error ? e.message : String(e);
    const kind = isPlatformError(e) ? e.kind : 'error';
    await this.repo.recordFailure(accountId, message);
    if (isPlatformError(e) && e.kind === 'auth') {
      await this.accounts.markNeedsReconnect(accountId, e.platformMessage ?? 'auth');
      return { kind: 'reconnect' };
    }
    this.logger.warn({ msg: 'collection failed', accountId, kind });
    return { kind: isPlatformError(e) && e.kind === 'rejected' ? 'refused' : 'retry', message };
  }
}
