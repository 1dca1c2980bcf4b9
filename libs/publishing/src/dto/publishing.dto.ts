import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { AttemptRow } from '../targets/attempts.repository';
import { ProblemView, TargetView } from '../targets/publishing-queries.repository';

export class AttemptDto {
  @ApiProperty() id: string;
  @ApiProperty() startedAt: string;
  @ApiPropertyOptional({ nullable: true }) finishedAt: string | null;
  @ApiProperty({ description: 'hostname:pid of the worker' }) worker: string;
  @ApiProperty({ enum: ['started', 'published', 'reconciled', 'failed', 'retry', 'abandoned'] }) outcome: string;
  @ApiPropertyOptional({ nullable: true }) httpStatus: number | null;
  @ApiPropertyOptional({ nullable: true, enum: ['auth', 'rate_limited', 'transient', 'rejected', 'unknown_outcome'] }) errorClass: string | null;
  @ApiPropertyOptional({ nullable: true }) platformMessage: string | null;
}

export class PublishTargetDto {
  @ApiProperty() id: string;
  @ApiProperty() postId: string;
  @ApiProperty() accountId: string;
  @ApiProperty() platform: string;
  @ApiPropertyOptional({ nullable: true }) accountHandle: string | null;
  @ApiPropertyOptional({ nullable: true }) accountName: string | null;
  @ApiProperty() accountStatus: string;
  @ApiProperty() language: string;
  @ApiProperty({ enum: ['pending', 'scheduled', 'held', 'publishing', 'published', 'failed', 'missed', 'cancelled'] }) status: string;
  @ApiPropertyOptional({ nullable: true }) scheduledAt: string | null;
  @ApiPropertyOptional({ nullable: true }) publishedAt: string | null;
  @ApiPropertyOptional({ nullable: true, description: "The platform's post id" }) externalId: string | null;
  @ApiPropertyOptional({ nullable: true }) externalUrl: string | null;
  @ApiProperty() attemptCount: number;
  @ApiPropertyOptional({ nullable: true }) nextAttemptAt: string | null;
  @ApiPropertyOptional({ nullable: true }) lastErrorClass: string | null;
  @ApiPropertyOptional({ nullable: true }) lastErrorMessage: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Reason code when the target is late beyond KABAR_STUCK_AFTER' }) stuckReason: string | null;
  @ApiProperty({ type: [AttemptDto] }) attempts: AttemptDto[];
}

export class PostTargetsDto {
  @ApiProperty() postId: string;
  @ApiProperty() postStatus: string;
  @ApiProperty({ type: [PublishTargetDto] }) targets: PublishTargetDto[];
}

export class ProblemDto extends PublishTargetDto {
  @ApiProperty({ enum: ['failed', 'missed', 'stuck', 'held'] }) problem: string;
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty() postPreview: string;
}

export class ProblemListDto {
  @ApiProperty({ type: [ProblemDto] }) items: ProblemDto[];
  @ApiProperty() total: number;
}

export const PROBLEM_KINDS = ['failed', 'missed', 'stuck', 'held'] as const;

export class ProblemsQuery {
  @ApiPropertyOptional({ enum: PROBLEM_KINDS }) @IsOptional() @IsIn(PROBLEM_KINDS) kind?: (typeof PROBLEM_KINDS)[number];
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}

export class NotificationDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['target_failed', 'target_missed', 'target_stuck', 'account_needs_reconnect'] }) kind: string;
  @ApiProperty({ description: "In the caller's language" }) message: string;
  @ApiProperty() messageKey: string;
  @ApiProperty({ type: Object }) params: Record<string, string | number>;
  @ApiPropertyOptional({ nullable: true }) postId: string | null;
  @ApiPropertyOptional({ nullable: true }) targetId: string | null;
  @ApiPropertyOptional({ nullable: true }) accountId: string | null;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({ nullable: true }) readAt: string | null;
}

export class NotificationListDto {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
  @ApiProperty() unreadCount: number;
}

export class NotificationsQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Boolean) @IsBoolean() unread?: boolean;
  @ApiPropertyOptional({ default: 30 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export function mapAttempt(a: AttemptRow): AttemptDto {
  return {
    id: a.id,
    startedAt: iso(a.startedAt)!,
    finishedAt: iso(a.finishedAt),
    worker: a.worker,
    outcome: a.outcome,
    httpStatus: a.httpStatus,
    errorClass: a.errorClass,
    platformMessage: a.platformMessage,
  };
}

export function mapTarget(t: TargetView, attempts: AttemptRow[]): PublishTargetDto {
  return {
    id: t.id,
    postId: t.postId,
    accountId: t.accountId,
    platform: t.platform,
    accountHandle: t.accountHandle,
    accountName: t.accountName,
    accountStatus: t.accountStatus,
    language: t.language,
    status: t.status,
    scheduledAt: iso(t.scheduledAt),
    publishedAt: iso(t.publishedAt),
    externalId: t.externalId,
    externalUrl: t.externalUrl,
    attemptCount: t.attemptCount,
    nextAttemptAt: t.status === 'scheduled' ? iso(t.nextAttemptAt) : null,
    lastErrorClass: t.lastErrorClass,
    lastErrorMessage: t.lastErrorMessage,
    stuckReason: t.stuckReason,
    attempts: attempts.map(mapAttempt),
  };
}

export function mapProblem(t: ProblemView, attempts: AttemptRow[]): ProblemDto {
  const problem = t.status === 'failed' || t.status === 'missed' ? t.status : t.stuckReason ? 'stuck' : t.status;
  return { ...mapTarget(t, attempts), problem, unitId: t.unitId, unitName: t.unitName, postPreview: t.postPreview };
}
