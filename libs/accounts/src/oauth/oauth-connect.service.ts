import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes, randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import { AppError, KABAR_CONFIG } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { AccessPolicy, AuditService, Principal } from '@kabar/org';
import { PLATFORM_NAMES } from '@kabar/i18n';
import { pkceChallenge, Platform, PlatformRegistry } from '@kabar/platforms';
import { AccountsRepository } from '../accounts.repository';
import { CredentialsService } from '../credentials.service';
import { AccountPlatform } from '../entities/social-account.entity';
import { OAuthStatesRepository } from './oauth-states.repository';
import { platformsConfigFrom } from '../platform-registry.provider';
import { platformFailure } from '../platform-failure';

export const OAUTH_PLATFORMS = ['facebook', 'instagram', 'threads', 'x', 'tiktok', 'youtube'] as const;
const SCOPES: Record<(typeof OAUTH_PLATFORMS)[number], string[]> = {
  facebook: ['pages_show_list', 'pages_read_engagement', 'pages_manage_posts'],
  instagram: ['instagram_business_basic', 'instagram_business_content_publish'],
  threads: ['threads_basic', 'threads_content_publish', 'threads_manage_insights'],
  x: ['tweet.read', 'tweet.write', 'users.read', 'offline.access', 'media.write'],
  tiktok: ['user.info.basic', 'user.info.stats', 'video.publish', 'video.list'],
  youtube: ['https://www.googleapis.com/auth/youtube.readonly', 'https://www.googleapis.com/auth/youtube.upload'],
};

/** OAuth connect: a state bound to the user, unit and PKCE verifier; the callback takes it once. */
@Injectable()
export class OAuthConnectService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(KABAR_CONFIG) private readonly config: KabarConfig,
    private readonly states: OAuthStatesRepository,
    private readonly accounts: AccountsRepository,
    private readonly credentials: CredentialsService,
    private readonly access: AccessPolicy,
    private readonly platforms: PlatformRegistry,
    private readonly audit: AuditService,
  ) {}

  private client(platform: AccountPlatform) {
    const o = this.config.platformOAuth[platform];
    const endpoints = platformsConfigFrom(this.config).oauth[platform as Platform];
    if (!(OAUTH_PLATFORMS as readonly string[]).includes(platform) || !o?.clientId || !endpoints?.authorizeUrl) {
      throw AppError.badRequest('accounts.oauthNotConfigured', { platform });
    }
    return { clientId: o.clientId, clientSecret: o.clientSecret ?? '' };
  }

  redirectUri(platform: string): string {
    return `${this.config.publicUrl}/api/v1/accounts/connect/${platform}/callback`;
  }

  async start(p: Principal, platform: AccountPlatform, unitId: string, accountId?: string): Promise<string> {
    await this.access.requireUnit(p, unitId, ['admin']);
    const { clientId } = this.client(platform);
    const state = randomBytes(24).toString('base64url');
    const verifier = randomBytes(48).toString('base64url');
    await this.states.insert({
      state,
      platform,
      unit_id: unitId,
      user_id: p.userId,
      account_id: accountId ?? null,
      code_verifier_enc: this.credentials.seal(state, { accessToken: verifier }),
      ttlSeconds: 600,
    });
    const adapter = this.platforms.get(platform as Platform);
    return adapter.authorizeUrl!({
      clientId,
      redirectUri: this.redirectUri(platform),
      state,
      codeChallenge: pkceChallenge(verifier),
      scopes: SCOPES[platform as (typeof OAUTH_PLATFORMS)[number]],
    });
  }

  /** Returns the connected account's id and unit. */
  async callback(p: Principal, platform: AccountPlatform, code: string, state: string): Promise<{ id: string; unitId: string }> {
    const row = await this.states.take(state);
    if (!row || row.platform !== platform || row.user_id !== p.userId || new Date(row.expires_at) < new Date())
      throw AppError.badRequest('accounts.oauthStateInvalid');
    await this.access.requireUnit(p, row.unit_id, ['admin']);
    const { clientId, clientSecret } = this.client(platform);
    const verifier = this.credentials.unseal<{ accessToken: string }>(state, row.code_verifier_enc).accessToken;
    let tokens;
    try {
      tokens = await this.platforms.get(platform as Platform).exchangeCode!({
        code,
        redirectUri: this.redirectUri(platform),
        codeVerifier: verifier,
        clientId,
        clientSecret,
      });
    } catch (e) {
      throw platformFailure(e, platform as Platform, 'accounts.oauthExchangeFailed');
    }
    if (!tokens.externalId) throw AppError.badRequest('accounts.oauthExchangeFailed', { platform: PLATFORM_NAMES[platform as Platform] ?? platform });
    const existing = await this.accounts.findByExternal(platform, tokens.externalId);
    if (existing && existing.unitId !== row.unit_id) throw AppError.conflict('accounts.alreadyConnected', { platform });
    const id = existing?.id ?? randomUUID();
    const old = existing ? await this.credentials.open(existing) : undefined;
    const creds = { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken ?? old?.refreshToken, scopes: tokens.scopes };
    let followers: number | null = null;
    try {
      followers = (await this.platforms.get(platform as Platform).accountMetrics({ platform: platform as Platform, externalId: tokens.externalId, ...creds }))
        .followers;
    } catch {
      /* the connection stands; followers come with the next sync */
    }
    const fields = {
      handle: tokens.handle ?? existing?.handle ?? null,
      credentialsEnc: this.credentials.seal(id, creds),
      tokenExpiresAt: tokens.expiresAt ?? null,
      hasRefreshToken: !!creds.refreshToken,
      statusReason: null,
      followers,
      connectedBy: p.userId,
      connectedAt: new Date(),
      lastSyncedAt: new Date(),
    };
    await this.ds.transaction(async (em) => {
      if (existing) await this.accounts.update(em, id, { ...fields, status: existing.status === 'disabled' ? 'disabled' : 'active' });
      else
        await this.accounts.insert(em, {
          id,
          unitId: row.unit_id,
          platform,
          externalId: tokens.externalId!,
          displayName: null,
          status: 'active',
          sandbox: this.config.sandbox === true,
          ...fields,
        });
      await this.audit.record(
        {
          action: existing ? 'account.reconnect' : 'account.connect',
          objectType: 'social_account',
          objectId: id,
          unitId: row.unit_id,
          details: { platform, externalId: tokens.externalId, via: 'oauth' },
        },
        em,
      );
    });
    return { id, unitId: row.unit_id };
  }
}
