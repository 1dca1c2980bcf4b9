import { Inject, Injectable } from '@nestjs/common';
import { KABAR_CONFIG } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { CredentialsService, REFRESH_MARGIN_MS, SocialAccountEntity, StoredCredentials, platformsConfigFrom } from '@kabar/accounts';
import {
  AccountCredentials,
  CheckRequest,
  CheckResult,
  PlatformRateLimiter,
  PlatformRegistry,
  PublishContent,
  PublishOptions,
  PublishResult,
} from '@kabar/platforms';
import { ClaimedTarget } from '../targets/target-row';

/**
 * The publishing engine's way to the platforms: its own adapter registry (per-account concurrency
 * from KABAR_PUBLISH_PER_ACCOUNT_CONCURRENCY), the per-platform rate limit, credentials opened per call.
 */
@Injectable()
export class PlatformGateway {
  private readonly registry: PlatformRegistry;
  private readonly limiter: PlatformRateLimiter;

  constructor(
    @Inject(KABAR_CONFIG) config: KabarConfig,
    private readonly credentials: CredentialsService,
  ) {
    this.registry = new PlatformRegistry({ ...platformsConfigFrom(config), perAccountConcurrency: config.publishPerAccountConcurrency });
    this.limiter = new PlatformRateLimiter(config.publishPerPlatformRate);
  }

  /**
   * The claimed row carries the ciphertext, so most publishes need no extra query; a token close to its
   * expiry is refreshed first (under the account's row lock), so it never lapses mid-publish.
   */
  private async open(t: ClaimedTarget): Promise<AccountCredentials> {
    if (t.tokenExpiresAt && t.tokenExpiresAt.getTime() - Date.now() < REFRESH_MARGIN_MS) {
      const ref = { id: t.accountId, platform: t.platform, externalId: t.accountExternalId, handle: t.accountHandle } as SocialAccountEntity;
      return this.credentials.forAdapter(ref);
    }
    const c = this.credentials.unseal<StoredCredentials>(t.accountId, t.credentialsEnc);
    return {
      platform: t.platform,
      externalId: t.accountExternalId,
      handle: t.accountHandle ?? undefined,
      accessToken: c.accessToken,
      refreshToken: c.refreshToken,
      instanceUrl: c.instanceUrl,
      tokenExpiresAt: t.tokenExpiresAt ?? undefined,
    };
  }

  /** Waits for the platform's rate budget; call before recording the attempt so the attempt time is the send time. */
  async ready(t: ClaimedTarget): Promise<void> {
    await this.limiter.take(t.platform);
  }

  async publish(t: ClaimedTarget, content: PublishContent, opts: Omit<PublishOptions, 'idempotencyKey'>): Promise<PublishResult> {
    return this.registry.get(t.platform).publish(await this.open(t), content, { ...opts, idempotencyKey: t.idempotencyKey });
  }

  /** Did an earlier try whose answer was lost create the post? (found / absent / pending / unknown) */
  async check(t: ClaimedTarget, req: CheckRequest): Promise<CheckResult> {
    return this.registry.get(t.platform).check(await this.open(t), req);
  }
}
