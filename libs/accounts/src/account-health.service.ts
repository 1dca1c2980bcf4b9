import { Injectable } from '@nestjs/common';
import { AccountsRepository } from './accounts.repository';
import { SocialAccountEntity } from './entities/social-account.entity';

/** What other contexts may do to an account when a platform refuses its token (publishing, collection). */
@Injectable()
export class AccountHealth {
  constructor(private readonly accounts: AccountsRepository) {}

  /** Marks the account needs_reconnect if it is still active; whether this call changed it (one notice per failure). */
  markNeedsReconnect(accountId: string, reason: string): Promise<boolean> {
    return this.accounts.markNeedsReconnect(accountId, reason.slice(0, 1000));
  }

  /** The account as a worker needs it (platform, status, credentials to decrypt), or null when it is gone. */
  find(accountId: string): Promise<SocialAccountEntity | null> {
    return this.accounts.findById(accountId);
  }

  /** The unit that owns the account, or null when it is gone. */
  async unitOf(accountId: string): Promise<string | null> {
    return (await this.accounts.findById(accountId))?.unitId ?? null;
  }
}
