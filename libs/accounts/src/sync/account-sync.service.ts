import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { KABAR_CONFIG } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { isPlatformError, PlatformRegistry } from '@kabar/platforms';
import { AccountsRepository } from '../accounts.repository';
import { CredentialsService } from '../credentials.service';
import { SocialAccountEntity } from '../entities/social-account.entity';

export interface SyncResult {
  synced: number;
  needsReconnect: number;
  failed: number;
}

/**
 * Reads follower counts of active accounts whose last sync is older than the interval, keeps a snapshot,
 * and refreshes expiring tokens on the way. Safe in many worker replicas: each run claims its accounts
 * (SKIP LOCKED, then stamped), so two replicas never read the same account in one interval.
 * Only a definite auth error marks an account needs_reconnect; a timeout or 5xx leaves it as it was.
 */
@Injectable()
export class AccountSyncService {
  private readonly logger = new Logger('account-sync');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(KABAR_CONFIG) private readonly config: KabarConfig,
    private readonly accounts: AccountsRepository,
    private readonly credentials: CredentialsService,
    private readonly platforms: PlatformRegistry,
  ) {}

  async syncDue(limit = 20): Promise<SyncResult> {
    const result: SyncResult = { synced: 0, needsReconnect: 0, failed: 0 };
    // Claim by stamping last_synced_at in one statement: no lock is held during the platform calls
    // (a token refresh takes the account row lock), and a failed read waits for the next interval.
    const [claimed] = (await this.ds.query(
      `UPDATE social_accounts SET last_synced_at = now()
        WHERE id IN (SELECT id FROM social_accounts
                      WHERE status = 'active' AND (last_synced_at IS NULL OR last_synced_at < now() - make_interval(secs => $1))
                      ORDER BY last_synced_at NULLS FIRST LIMIT $2 FOR UPDATE SKIP LOCKED)
        RETURNING id`,
      [this.config.accountSyncIntervalMs / 1000, limit],
    )) as [Array<{ id: string }>, number];
    for (const { id } of claimed) {
      const account = await this.accounts.findById(id);
      if (account) await this.syncOne(account, result);
    }
    return result;
  }

  private async syncOne(account: SocialAccountEntity, result: SyncResult): Promise<void> {
    try {
      const creds = await this.credentials.forAdapter(account);
      const m = await this.platforms.get(account.platform).accountMetrics(creds);
      await this.ds.query(`UPDATE social_accounts SET followers = $2 WHERE id = $1`, [account.id, m.followers]);
      await this.ds.query(`INSERT INTO account_snapshots (account_id, followers, following, posts, raw) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`, [
        account.id,
        m.followers,
        m.following ?? null,
        m.posts ?? null,
        JSON.stringify(m.raw ?? {}),
      ]);
      result.synced++;
    } catch (e) {
      if (isPlatformError(e) && e.kind === 'auth') {
        if (await this.accounts.markNeedsReconnect(account.id, e.platformMessage ?? 'auth')) result.needsReconnect++;
        return;
      }
      result.failed++;
      this.logger.warn({ msg: 'account sync failed', accountId: account.id, platform: account.platform, kind: isPlatformError(e) ? e.kind : 'error' });
    }
  }
}
