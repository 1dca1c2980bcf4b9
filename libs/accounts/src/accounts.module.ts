import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrgModule } from '@kabar/org';
import { PlatformRegistry, SharedLimits } from '@kabar/platforms';
import { AccountHealth } from './account-health.service';
import { AccountsController } from './accounts.controller';
import { AccountsRepository } from './accounts.repository';
import { AccountsService } from './accounts.service';
import { CredentialsService } from './credentials.service';
import { SocialAccountEntity } from './entities/social-account.entity';
import { OAuthConnectController } from './oauth/oauth-connect.controller';
import { OAuthConnectService } from './oauth/oauth-connect.service';
import { OAuthStatesRepository } from './oauth/oauth-states.repository';
import { platformRegistryProvider, sharedLimitsProvider } from './platform-registry.provider';

export const ACCOUNTS_ENTITIES = [SocialAccountEntity];

@Module({
  imports: [TypeOrmModule.forFeature(ACCOUNTS_ENTITIES), OrgModule],
  controllers: [OAuthConnectController, AccountsController],
  providers: [
    AccountsRepository,
    AccountHealth,
    AccountsService,
    CredentialsService,
    OAuthStatesRepository,
    OAuthConnectService,
    sharedLimitsProvider,
    platformRegistryProvider,
  ],
  exports: [AccountHealth, AccountsService, CredentialsService, PlatformRegistry, SharedLimits],
})
export class AccountsModule {}
