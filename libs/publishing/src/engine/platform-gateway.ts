import { Injectable } from '@nestjs/common';
import { CredentialsService, REFRESH_MARGIN_MS, SocialAccountEntity, StoredCredentials } from '@kabar/accounts';
import {
  AccountCredentials,
  Admission,
  CheckRequest,
  CheckResult,
  PlatformRegistry,
  PublishContent,
  PublishOptions,
  PublishResult,
  SharedLimits,
} from '@kabar/platforms';
import { ClaimedTarget } from '../targets/target-row';

/**
 * The publishing engine's way to the platforms: the process's one adapter registry (its calls hold the
 * account's shared concurrency slots), the shared budgets asked before each post, credentials opened per call.
 */
@Injectable()
export class PlatformGateway {
  constructor(
    private readonly credentials: CredentialsService,
    private readonly registry: PlatformRegistry,
    private readonly limits: SharedLimits,
  ) {}

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

  /**
   * Asks the shared budgets (rates, holds from rate headers, posts per day, YouTube units) and spends what the
   * post costs; waits a few seconds at most, else answers until when the post must wait. Call before recording
   * the attempt so the attempt time is the send time.
   */
  ready(t: ClaimedTarget): Promise<Admission> {
    return this.limits.admitPublish(t.platform, t.accountExternalId);
  }

  async publish(t: ClaimedTarget, content: PublishContent, opts: Omit<PublishOptions, 'idempotencyKey'>): Promise<PublishResult> {
    return this.registry.get(t.platform).publish(await this.open(t), content, { ...opts, idempotencyKey: t.idempotencyKey });
  }

  /** Did an earlier try whose answer was lost create the post? (found / absent / pending / unknown) */
  async check(t: ClaimedTarget, req: CheckRequest): Promise<CheckResult> {
    return this.registry.get(t.platform).check(await this.open(t), req);
  }
}
