import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts.module';
import { AccountSyncLoop } from './account-sync.loop';
import { AccountSyncService } from './account-sync.service';

/** The accounts' periodic work in the worker: follower counts and snapshots, token refresh on the way. */
@Module({
  imports: [AccountsModule],
  providers: [AccountSyncService, AccountSyncLoop],
  exports: [AccountSyncService],
})
export class AccountsWorkerModule {}
