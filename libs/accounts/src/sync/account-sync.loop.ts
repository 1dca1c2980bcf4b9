import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { KABAR_CONFIG } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { AccountSyncService } from './account-sync.service';

/** Every minute, the worker syncs the accounts that are due (each account once per KABAR_ACCOUNT_SYNC_INTERVAL). */
@Injectable()
export class AccountSyncLoop implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly sync: AccountSyncService,
    @Inject(KABAR_CONFIG) private readonly config: KabarConfig,
  ) {}

  onApplicationBootstrap() {
    const every = Math.min(60_000, this.config.accountSyncIntervalMs);
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.sync.syncDue().finally(() => (this.running = undefined));
    }, every);
    this.timer.unref();
  }

  async onApplicationShutdown() {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }
}
