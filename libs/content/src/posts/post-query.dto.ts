import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { v } from '@kabar/common';
import { POST_STATUSES, PostStatus } from '../entities/post.entity';
import { LOCAL_TIME } from './post.dto';

const DAY_OR_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export class ListPostsQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ enum: POST_STATUSES }) @IsOptional() @IsIn(POST_STATUSES) status?: PostStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40, v({ max: 40 })) pillar?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() programId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() campaignId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() accountId?: string;
  @ApiPropertyOptional({ example: '2026-11-01' }) @IsOptional() @Matches(DAY_OR_TIME) from?: string;
  @ApiPropertyOptional({ example: '2026-12-01' }) @IsOptional() @Matches(DAY_OR_TIME) to?: string;
  @ApiPropertyOptional({ description: 'Words in any variant text.' }) @IsOptional() @IsString() @MaxLength(200, v({ max: 200 })) q?: string;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1, v({ min: 1 })) page?: number;
  @ApiPropertyOptional({ default: 25 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1, v({ min: 1 })) @Max(200, v({ max: 200 })) pageSize?: number;
}

/** DELETE names the version read, like the other steps (optional). */
export class VersionQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1, v({ min: 1 })) version?: number;
}

/** The composer's account list and best time: for one unit (and its subtree). */
export class UnitQuery {
  @ApiProperty() @IsUUID() unitId: string;
}

export { LOCAL_TIME, DAY_OR_TIME };
