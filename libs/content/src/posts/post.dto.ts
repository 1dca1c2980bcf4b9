import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { v } from '@kabar/common';
import { PLATFORMS } from '@kabar/platforms';
import { LANGUAGES, Language } from '../entities/post.entity';

/** "2026-11-24T09:00" (wall clock of the zone) or an ISO instant with offset. */
export const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

export class VariantInput {
  @ApiProperty({ enum: LANGUAGES }) @IsIn(LANGUAGES) language: Language;
  @ApiPropertyOptional({ enum: PLATFORMS, nullable: true, description: 'Set: an override for this platform only.' })
  @IsOptional()
  @IsIn(PLATFORMS)
  platform?: string | null;
  @ApiProperty() @IsString() @MaxLength(20000, v({ max: 20000 })) text: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(60, v({ max: 60 }))
  @IsString({ each: true })
  @MaxLength(100, { each: true, ...v({ max: 100 }) })
  hashtags?: string[];
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000, v({ max: 2000 }))
  link?: string | null;
}

export class TargetInput {
  @ApiProperty() @IsUUID() accountId: string;
  @ApiPropertyOptional({ enum: LANGUAGES, default: 'id' }) @IsOptional() @IsIn(LANGUAGES) language?: Language;
  @ApiPropertyOptional({ example: '2026-11-24T09:00', description: 'Own time of this target, in the post’s zone.' })
  @IsOptional()
  @Matches(LOCAL_TIME)
  scheduledAt?: string | null;
}

class PostFields {
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsUUID() programId?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsUUID() campaignId?: string | null;
  @ApiPropertyOptional({ type: [VariantInput] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20, v({ max: 20 }))
  @ValidateNested({ each: true })
  @Type(() => VariantInput)
  variants?: VariantInput[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(35, v({ max: 35 })) @IsUUID('all', { each: true }) mediaIds?: string[];
  @ApiPropertyOptional({ type: [TargetInput] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50, v({ max: 50 }))
  @ValidateNested({ each: true })
  @Type(() => TargetInput)
  targets?: TargetInput[];
  @ApiPropertyOptional({ example: '2026-11-24T09:00', nullable: true, description: 'Wall-clock time in timeZone (default: the unit’s zone).' })
  @IsOptional()
  @Matches(LOCAL_TIME)
  scheduledAt?: string | null;
  @ApiPropertyOptional({ example: 'Asia/Jakarta' }) @IsOptional() @IsTimeZone() timeZone?: string;
}

export class CreatePostDto extends PostFields {
  @ApiProperty() @IsUUID() unitId: string;
  @ApiProperty({ example: 'cerita_wilayah' }) @MaxLength(40, v({ max: 40 })) @IsString() @IsNotEmpty() pillar: string;
}

export class UpdatePostDto extends PostFields {
  @ApiPropertyOptional({ example: 'cerita_wilayah' }) @IsOptional() @MaxLength(40, v({ max: 40 })) @IsString() @IsNotEmpty() pillar?: string;
  @ApiProperty({ description: 'The version last read; an older one is refused with 409.' }) @IsInt() @Min(1, v({ min: 1 })) version: number;
}

/** What the composer sends to /posts/validate: a post as it would be saved, not stored. */
export class ValidatePostDto extends PostFields {
  @ApiPropertyOptional({ example: 'cerita_wilayah' }) @IsOptional() @MaxLength(40, v({ max: 40 })) @IsString() @IsNotEmpty() pillar?: string;
  @ApiProperty() @IsUUID() unitId: string;
  @ApiPropertyOptional({ description: 'When validating an existing post (its own targets are not duplicates).' }) @IsOptional() @IsUUID() postId?: string;
}

export class VersionDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1, v({ min: 1 })) version?: number;
}

/** Approval names the version the reviewer read: a post changed since then is refused (409), never approved unread. */
export class ApproveDto {
  @ApiProperty({ description: 'The version the reviewer read; the post changed since → 409.' }) @IsInt() @Min(1, v({ min: 1 })) version: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000, v({ max: 2000 })) comment?: string;
}

export class RequestChangesDto extends VersionDto {
  @ApiProperty() @MaxLength(2000, v({ max: 2000 })) @IsString() @IsNotEmpty() comment: string;
}

export class ScheduleTargetInput {
  @ApiProperty() @IsUUID() accountId: string;
  @ApiProperty({ example: '2026-11-24T09:00' }) @Matches(LOCAL_TIME) scheduledAt: string;
}

export class ScheduleDto extends VersionDto {
  @ApiPropertyOptional({ example: '2026-11-24T09:00', description: 'Default: the time saved on the post.' })
  @IsOptional()
  @Matches(LOCAL_TIME)
  scheduledAt?: string;
  @ApiPropertyOptional({ example: 'Asia/Jakarta' }) @IsOptional() @IsTimeZone() timeZone?: string;
  @ApiPropertyOptional({ type: [ScheduleTargetInput] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ScheduleTargetInput)
  targets?: ScheduleTargetInput[];
}
