import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { AttemptRow } from '../targets/attempts.repository';
import { ProblemView, TargetView } from '../targets/publishing-queries.repository';

export class AttemptDto {
  @ApiProperty() id: string;
  @ApiProperty() startedAt: string;
  @ApiPropertyOptional({ nullable: true }) finishedAt: string | null;
  @ApiProperty({ description: 'hostname:pid of the worker' }) worker: string;
  @ApiProperty({ enum: ['send', 'check'], description: 'send: a call that may create the post; check: asking the platform whether an earlier send did' })
  kind: string;
  @ApiProperty({ enum: ['started', 'published', 'reconciled', 'failed', 'retry', 'abandoned', 'unknown', 'absent', 'pending', 'unconfirmed'] }) outcome: string;
  @ApiPropertyOptional({ nullable: true }) httpStatus: number | null;
  @ApiPropertyOptional({ nullable: true, enum: ['auth', 'rate_limited', 'transient', 'rejected', 'unknown_outcome'] }) errorClass: string | null;
  @ApiPropertyOptional({ nullable: true }) platformMessage: string | null;
  @ApiPropertyOptional({ nullable: true, description: "The platform's post id this try learnt (kept even when the claim was lost)" }) externalId: string | null;
  @ApiPropertyOptional({ nullable: true }) externalUrl: string | null;
  @ApiProperty({ type: Object, description: 'Handles the platform gave on the way (container, upload session, publish id)' }) handles: Record<string, string>;
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
  @ApiProperty({ enum: ['pending', 'scheduled', 'held', 'publishing', 'published', 'failed', 'missed', 'cancelled', 'unconfirmed'] }) status: string;
  @ApiPropertyOptional({ nullable: true }) scheduledAt: string | null;
  @ApiPropertyOptional({ nullable: true }) publishedAt: string | null;
  @ApiPropertyOptional({ nullable: true, description: "The platform's post id" }) externalId: string | null;
  @ApiPropertyOptional({ nullable: true }) externalUrl: string | null;
  @ApiProperty() attemptCount: number;
  @ApiPropertyOptional({ nullable: true }) nextAttemptAt: string | null;
  @ApiPropertyOptional({ nullable: true }) lastErrorClass: string | null;
  @ApiPropertyOptional({ nullable: true }) lastErrorMessage: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Reason code when the target is late beyond KABAR_STUCK_AFTER' }) stuckReason: string | null;
  @ApiPropertyOptional({
    nullable: true,
    description:
      'The shared budget a scheduled target waits for until nextAttemptAt (youtube_daily_units, posts_per_day, app_posts_per_day, platform_rate, account_rate, rate_hold)',
  })
  budgetWait: string | null;
  @ApiProperty({ description: 'An earlier try may have posted: the platform is asked before anything is sent again' }) checkOwed: boolean;
  @ApiPropertyOptional({ nullable: true, description: 'Why Kabar cannot tell whether an unconfirmed target was posted (a code)' }) unconfirmedReason:
    string | null;
  @ApiProperty({ type: [AttemptDto] }) attempts: AttemptDto[];
}

export class PostTargetsDto {
  @ApiProperty() postId: string;
  @ApiProperty() postStatus: string;
  @ApiProperty({ type: [PublishTargetDto] }) targets: PublishTargetDto[];
}

export class ProblemDto extends PublishTargetDto {
  @ApiProperty({ enum: ['failed', 'missed', 'stuck', 'held', 'unconfirmed'] }) problem: string;
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty() postPreview: string;
}

export class ProblemListDto {
  @ApiProperty({ type: [ProblemDto] }) items: ProblemDto[];
  @ApiProperty() total: number;
}

export const PROBLEM_KINDS = ['unconfirmed', 'failed', 'missed', 'stuck', 'held'] as const;

export class ProblemsQuery {
  @ApiPropertyOptional({ enum: PROBLEM_KINDS }) @IsOptional() @IsIn(PROBLEM_KINDS) kind?: (typeof PROBLEM_KINDS)[number];
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}

export class NotificationDto {
  @ApiProperty() id: string;
  @ApiProperty({
    enum: [
      'target_failed',
      'target_missed',
      'target_stuck',
      'target_unconfirmed',
      'account_needs_reconnect',
      'post_submitted',
      'post_approved',
      'post_changes_requested',
    ],
  })
  kind: string;
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

export const RESOLUTIONS = ['published', 'send_again', 'check_again'] as const;

/** What a person decided about an unconfirmed target. */
export class ResolveTargetDto {
  @ApiProperty({
    enum: RESOLUTIONS,
    description: 'published: it is on the platform (give its link); send_again: it is not, send it now; check_again: ask the platform once more',
  })
  @IsIn(RESOLUTIONS)
  action: (typeof RESOLUTIONS)[number];

  @ApiPropertyOptional({ description: 'With `published`: the link of the post on the platform' })
  @ValidateIf((o: ResolveTargetDto) => o.action === 'published' && o.url !== undefined && o.url !== null && o.url !== '')
  @IsString()
  @MaxLength(2000)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  url?: string;
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
    kind: a.kind,
    externalId: a.externalId,
    externalUrl: a.externalUrl,
    handles: a.handles ?? {},
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
    budgetWait: t.status === 'scheduled' && t.nextAttemptAt ? (t.budgetWait ?? null) : null,
    checkOwed: t.needsReconcile,
    unconfirmedReason: t.status === 'unconfirmed' ? t.unconfirmedReason : null,
    attempts: attempts.map(mapAttempt),
  };
}

export function mapProblem(t: ProblemView, attempts: AttemptRow[]): ProblemDto {
  const problem = t.status === 'failed' || t.status === 'missed' || t.status === 'unconfirmed' ? t.status : t.stuckReason ? 'stuck' : t.status;
  return { ...mapTarget(t, attempts), problem, unitId: t.unitId, unitName: t.unitName, postPreview: t.postPreview };
}
