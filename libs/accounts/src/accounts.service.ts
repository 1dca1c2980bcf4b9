import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import { AppError, KABAR_CONFIG } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { PLATFORM_NAMES } from '@kabar/i18n';
import { AccessPolicy, AuditService, Principal } from '@kabar/org';
import { AccountCredentials, PlatformRegistry } from '@kabar/platforms';
import { AccountsRepository } from './accounts.repository';
import { platformFailure } from './platform-failure';
import { CredentialsService } from './credentials.service';
import { AccountDto, CreateAccountDto, ListAccountsQuery, mapAccount, ReconnectAccountDto, UpdateAccountDto } from './dto/account.dto';
import { SocialAccountEntity } from './entities/social-account.entity';

/** Social accounts of units: connect by token, reconnect, disable, remove. Every call passes the access policy. */
@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(KABAR_CONFIG) private readonly config: KabarConfig,
    private readonly accounts: AccountsRepository,
    private readonly credentials: CredentialsService,
    private readonly access: AccessPolicy,
    private readonly platforms: PlatformRegistry,
    private readonly audit: AuditService,
  ) {}

  async list(p: Principal, q: ListAccountsQuery): Promise<AccountDto[]> {
    return (await this.accounts.listVisible(p, q)).map(mapAccount);
  }

  async get(p: Principal, id: string): Promise<AccountDto> {
    return mapAccount(await this.requireAccount(p, id));
  }

  /** Loads an account the caller may see (404 otherwise) and, with `roles`, act on (403 otherwise). */
  async requireAccount(p: Principal, id: string, roles?: Array<'admin' | 'reviewer' | 'viewer'>): Promise<SocialAccountEntity> {
    const account = await this.accounts.findById(id);
    if (!account) throw AppError.notFound('accounts.notFound');
    try {
      await this.access.requireUnit(p, account.unitId, roles);
    } catch (e) {
      if (e instanceof AppError && e.status === 404) throw AppError.notFound('accounts.notFound');
      throw e;
    }
    return account;
  }

  /** Connects by pasted token: the token is checked against the platform before anything is stored. */
  async create(p: Principal, dto: CreateAccountDto): Promise<AccountDto> {
    await this.access.requireUnit(p, dto.unitId, ['admin']);
    if (dto.platform === 'mastodon' && !dto.instanceUrl) throw AppError.validation([{ field: 'instanceUrl', code: 'validation.required' }]);
    if (await this.accounts.findByExternal(dto.platform, dto.externalId))
      throw AppError.conflict('accounts.alreadyConnected', { platform: PLATFORM_NAMES[dto.platform] });
    const creds: AccountCredentials = {
      platform: dto.platform,
      externalId: dto.externalId,
      accessToken: dto.accessToken,
      refreshToken: dto.refreshToken,
      instanceUrl: dto.instanceUrl,
    };
    const followers = await this.checkToken(creds);
    const id = randomUUID();
    await this.ds.transaction(async (em) => {
      await this.accounts.insert(em, {
        id,
        unitId: dto.unitId,
        platform: dto.platform,
        externalId: dto.externalId,
        handle: dto.handle ?? null,
        displayName: dto.displayName ?? null,
        status: 'active',
        statusReason: null,
        credentialsEnc: this.credentials.seal(id, { accessToken: dto.accessToken, refreshToken: dto.refreshToken, instanceUrl: dto.instanceUrl }),
        tokenExpiresAt: dto.tokenExpiresAt ?? null,
        hasRefreshToken: !!dto.refreshToken,
        followers,
        sandbox: this.isSandboxUrl(dto.platform, dto.instanceUrl),
        connectedBy: p.userId,
        connectedAt: new Date(),
        lastSyncedAt: new Date(),
      });
      await this.audit.record(
        {
          action: 'account.connect',
          objectType: 'social_account',
          objectId: id,
          unitId: dto.unitId,
          details: { platform: dto.platform, externalId: dto.externalId, via: 'token' },
        },
        em,
      );
    });
    return this.get(p, id);
  }

  /** New tokens for an account. A reconnect without a refresh token keeps the stored one (never wipes it). */
  async reconnect(p: Principal, id: string, dto: ReconnectAccountDto): Promise<AccountDto> {
    const account = await this.requireAccount(p, id, ['admin']);
    const old = await this.credentials.open(account);
    const next = { ...old, accessToken: dto.accessToken, refreshToken: dto.refreshToken ?? old.refreshToken };
    const followers = await this.checkToken({ platform: account.platform, externalId: account.externalId, ...next });
    await this.ds.transaction(async (em) => {
      await this.accounts.update(em, id, {
        credentialsEnc: this.credentials.seal(id, next),
        tokenExpiresAt: dto.tokenExpiresAt ?? null,
        hasRefreshToken: !!next.refreshToken,
        status: account.status === 'disabled' ? 'disabled' : 'active',
        statusReason: null,
        followers,
        connectedBy: p.userId,
        connectedAt: new Date(),
        lastSyncedAt: new Date(),
      });
      await this.audit.record(
        {
          action: 'account.reconnect',
          objectType: 'social_account',
          objectId: id,
          unitId: account.unitId,
          details: { refreshTokenKept: !dto.refreshToken && !!old.refreshToken },
        },
        em,
      );
    });
    return this.get(p, id);
  }

  async update(p: Principal, id: string, dto: UpdateAccountDto): Promise<AccountDto> {
    const account = await this.requireAccount(p, id, ['admin']);
    const patch: Partial<SocialAccountEntity> = {};
    if (dto.handle !== undefined) patch.handle = dto.handle;
    if (dto.displayName !== undefined) patch.displayName = dto.displayName;
    if (dto.disabled === true) patch.status = 'disabled';
    if (dto.disabled === false && account.status === 'disabled') patch.status = account.statusReason ? 'needs_reconnect' : 'active';
    if (Object.keys(patch).length) {
      await this.ds.transaction(async (em) => {
        await this.accounts.update(em, id, patch);
        await this.audit.record({ action: 'account.update', objectType: 'social_account', objectId: id, unitId: account.unitId, details: { ...patch } }, em);
      });
    }
    return this.get(p, id);
  }

  async remove(p: Principal, id: string): Promise<void> {
    const account = await this.requireAccount(p, id, ['admin']);
    await this.ds.transaction(async (em) => {
      await this.accounts.remove(em, id);
      await this.audit.record(
        {
          action: 'account.delete',
          objectType: 'social_account',
          objectId: id,
          unitId: account.unitId,
          details: { platform: account.platform, externalId: account.externalId },
        },
        em,
      );
    });
  }

  /**
   * Reads the account's metrics with the given token: proves it works and gives the follower count. Errors are
   * sentences of our own: what another server answered is never passed on (it may be anything it wants to show).
   */
  private async checkToken(creds: AccountCredentials): Promise<number | null> {
    try {
      return (await this.platforms.get(creds.platform).accountMetrics(creds)).followers;
    } catch (e) {
      throw platformFailure(e, creds.platform);
    }
  }

  private isSandboxUrl(platform: string, instanceUrl?: string): boolean {
    const url = instanceUrl ?? this.config.platformApiUrls[platform as keyof KabarConfig['platformApiUrls']];
    return !!url && /^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url) && this.config.sandbox === true;
  }
}
