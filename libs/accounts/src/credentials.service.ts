import { Inject, Injectable } from '@nestjs/common';
import { KABAR_CONFIG } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { deriveKey } from '@kabar/org';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccountCredentials, PlatformRegistry } from '@kabar/platforms';
import { refreshIfExpiring } from './token-refresher';
import { AccountsRepository } from './accounts.repository';
import { CredentialCipher, StoredCredentials } from './crypto/credential-cipher';
import { SocialAccountEntity } from './entities/social-account.entity';

/** The only place credentials are decrypted; callers get them for one platform call and drop them. */
@Injectable()
export class CredentialsService {
  private readonly cipher: CredentialCipher;

  constructor(
    @Inject(KABAR_CONFIG) config: KabarConfig,
    private readonly accounts: AccountsRepository,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly platforms: PlatformRegistry,
  ) {
    this.cipher = new CredentialCipher(deriveKey(config.secretKey!, 'credentials'));
  }

  seal(accountId: string, creds: StoredCredentials): string {
    return this.cipher.encrypt(creds, accountId);
  }

  unseal<T = StoredCredentials>(aad: string, enc: string): T {
    return this.cipher.decrypt<T>(enc, aad);
  }

  async open(account: Pick<SocialAccountEntity, 'id'>): Promise<StoredCredentials> {
    const enc = await this.accounts.credentialsOf(account.id);
    if (!enc) throw new Error(`account ${account.id} has no credentials`);
    return this.cipher.decrypt<StoredCredentials>(enc, account.id);
  }

  /** What an adapter needs to act for the account; an access token close to expiry is refreshed first. */
  async forAdapter(account: SocialAccountEntity): Promise<AccountCredentials> {
    const { creds: c, tokenExpiresAt } = await refreshIfExpiring(this.ds, this.cipher, this.platforms, account);
    return {
      platform: account.platform,
      externalId: account.externalId,
      handle: account.handle ?? undefined,
      accessToken: c.accessToken,
      refreshToken: c.refreshToken,
      instanceUrl: c.instanceUrl,
      tokenExpiresAt: tokenExpiresAt ?? undefined,
    };
  }
}
