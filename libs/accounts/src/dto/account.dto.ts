import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDate, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, IsUrl, MaxLength } from 'class-validator';
import { ACCOUNT_PLATFORMS, ACCOUNT_STATUSES, AccountPlatform, AccountStatus, SocialAccountEntity } from '../entities/social-account.entity';

export class AccountDto {
  @ApiProperty() id: string;
  @ApiProperty() unitId: string;
  @ApiProperty({ enum: ACCOUNT_PLATFORMS }) platform: AccountPlatform;
  @ApiProperty() externalId: string;
  @ApiProperty({ type: String, nullable: true }) handle: string | null;
  @ApiProperty({ type: String, nullable: true }) displayName: string | null;
  @ApiProperty({ enum: ACCOUNT_STATUSES }) status: AccountStatus;
  @ApiProperty({ type: String, nullable: true, description: "The platform's reason when it needs a reconnect." }) statusReason: string | null;
  @ApiProperty({ type: String, nullable: true }) tokenExpiresAt: string | null;
  @ApiProperty() hasRefreshToken: boolean;
  @ApiProperty({ type: Number, nullable: true }) followers: number | null;
  @ApiProperty() sandbox: boolean;
  @ApiProperty() connectedAt: string;
  @ApiProperty({ type: String, nullable: true }) lastSyncedAt: string | null;
}

/** Never includes credentials: they are not even selected from the row. */
export function mapAccount(a: SocialAccountEntity): AccountDto {
  return {
    id: a.id,
    unitId: a.unitId,
    platform: a.platform,
    externalId: a.externalId,
    handle: a.handle,
    displayName: a.displayName,
    status: a.status,
    statusReason: a.statusReason,
    tokenExpiresAt: a.tokenExpiresAt?.toISOString() ?? null,
    hasRefreshToken: a.hasRefreshToken,
    followers: a.followers,
    sandbox: a.sandbox,
    connectedAt: a.connectedAt.toISOString(),
    lastSyncedAt: a.lastSyncedAt?.toISOString() ?? null,
  };
}

export class ListAccountsQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ enum: ACCOUNT_PLATFORMS }) @IsOptional() @IsIn(ACCOUNT_PLATFORMS) platform?: AccountPlatform;
  @ApiPropertyOptional({ enum: ACCOUNT_STATUSES }) @IsOptional() @IsIn(ACCOUNT_STATUSES) status?: AccountStatus;
}

export class TokenFields {
  @ApiProperty({ description: 'Access token (Telegram: the bot token).' }) @IsString() @IsNotEmpty() @MaxLength(4000) accessToken: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) refreshToken?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Date) @IsDate() tokenExpiresAt?: Date;
}

export class CreateAccountDto extends TokenFields {
  @ApiProperty() @IsUUID() unitId: string;
  @ApiProperty({ enum: ACCOUNT_PLATFORMS }) @IsIn(ACCOUNT_PLATFORMS) platform: AccountPlatform;
  @ApiProperty({ description: 'Page id, IG user id, X user id, Telegram channel (@name or -100…), Mastodon account id, …' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  externalId: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) handle?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) displayName?: string;
  @ApiPropertyOptional({ description: 'Mastodon: https://instance.example' })
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(300)
  instanceUrl?: string;
}

export class ReconnectAccountDto extends TokenFields {}

export class UpdateAccountDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) handle?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) displayName?: string;
  @ApiPropertyOptional({ description: 'true: disable (its due posts are held, not failed); false: enable again.' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}
