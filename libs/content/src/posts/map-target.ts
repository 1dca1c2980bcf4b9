import { ApiProperty } from '@nestjs/swagger';
import { PostTargetEntity } from '../entities/post-target.entity';

/** A target as the API shows it. Publishing extends this (e.g. attempts) by wrapping `mapTarget`. */
export class TargetDto {
  @ApiProperty() id: string;
  @ApiProperty() accountId: string;
  @ApiProperty() platform: string;
  @ApiProperty({ nullable: true }) handle: string | null;
  @ApiProperty() language: string;
  @ApiProperty() status: string;
  @ApiProperty({ nullable: true }) scheduledAt: string | null;
  @ApiProperty({ nullable: true }) scheduledAtLocal: string | null;
  @ApiProperty({ nullable: true }) publishedAt: string | null;
  @ApiProperty({ nullable: true }) externalUrl: string | null;
  @ApiProperty({ nullable: true }) lastError: { class: string | null; message: string | null } | null;
  @ApiProperty() attemptCount: number;
}

export interface TargetAccountInfo {
  platform: string;
  handle: string | null;
}

export function mapTarget(t: PostTargetEntity, account: TargetAccountInfo, toLocal: (d: Date) => string): TargetDto {
  return {
    id: t.id,
    accountId: t.accountId,
    platform: account.platform,
    handle: account.handle,
    language: t.language,
    status: t.status,
    scheduledAt: t.scheduledAt?.toISOString() ?? null,
    scheduledAtLocal: t.scheduledAt ? toLocal(t.scheduledAt) : null,
    publishedAt: t.publishedAt?.toISOString() ?? null,
    externalUrl: t.externalUrl,
    lastError: t.lastErrorClass || t.lastErrorMessage ? { class: t.lastErrorClass, message: t.lastErrorMessage } : null,
    attemptCount: t.attemptCount,
  };
}
