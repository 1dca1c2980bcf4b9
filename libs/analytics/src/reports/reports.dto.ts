import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { v } from '@kabar/common';
import { LEADERBOARD_KINDS, LeaderboardKind } from './leaderboard-kinds';
import { LEADERBOARD_SORTS } from './leaderboard-rank';

const PLATFORMS = ['facebook', 'instagram', 'x', 'telegram', 'mastodon', 'tiktok', 'youtube', 'threads'] as const;
export const EXPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export { LEADERBOARD_KINDS };

/** The period and output of every report; dates are local days in the caller's zone. */
export class RangeQuery {
  @ApiPropertyOptional({ example: '2026-11-01', description: 'First local day, inclusive (default: the 1st of this month).' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  from?: string;
  @ApiPropertyOptional({ example: '2026-11-30', description: 'Last local day, inclusive (default: today).' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  to?: string;
  @ApiPropertyOptional({ example: '2026-11', description: 'A whole month, instead of from/to.' }) @IsOptional() @Matches(/^\d{4}-\d{2}$/) month?: string;
}

export class ExportQuery extends RangeQuery {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'json' }) @IsOptional() @IsIn(EXPORT_FORMATS) format?: (typeof EXPORT_FORMATS)[number];
}

export class FollowersQuery extends ExportQuery {
  @ApiProperty({ enum: ['account', 'unit', 'subtree'] }) @IsIn(['account', 'unit', 'subtree']) scope: 'account' | 'unit' | 'subtree';
  @ApiProperty({ description: 'The account or unit id.' }) @IsUUID() id: string;
  @ApiPropertyOptional({ enum: ['day', 'week', 'month'], default: 'day' }) @IsOptional() @IsIn(['day', 'week', 'month']) granularity?: 'day' | 'week' | 'month';
}

export class LeaderboardQuery extends ExportQuery {
  @ApiPropertyOptional({ description: 'Default: the caller’s top unit (the city, the province, the country).' }) @IsOptional() @IsUUID() parentId?: string;
  @ApiPropertyOptional({
    enum: LEADERBOARD_KINDS,
    description:
      'The units of this kind (or group: kabupaten_kota, desa_kelurahan) inside the parent, each counting its subtree. Default: the wilayah level right below the parent (a province ranks its kabupaten/kota, a kabupaten its kecamatan).',
  })
  @IsOptional()
  @IsIn(LEADERBOARD_KINDS)
  kind?: LeaderboardKind;
  @ApiPropertyOptional({ enum: LEADERBOARD_SORTS, default: 'followersGrowthPct' })
  @IsOptional()
  @IsIn(LEADERBOARD_SORTS)
  sort?: (typeof LEADERBOARD_SORTS)[number];
  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' }) @IsOptional() @IsIn(['asc', 'desc']) dir?: 'asc' | 'desc';
  @ApiPropertyOptional({ default: 3, description: 'Posts per week that make a week consistent.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1, v({ min: 1 }))
  @Max(100, v({ max: 100 }))
  minPosts?: number;
}

export class SubjectQuery extends ExportQuery {
  @ApiPropertyOptional({ description: 'A unit (its whole subtree); default: the caller’s top unit.' }) @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() accountId?: string;
}

export class PlatformSubjectQuery extends SubjectQuery {
  @ApiPropertyOptional({ enum: PLATFORMS }) @IsOptional() @IsIn(PLATFORMS) platform?: (typeof PLATFORMS)[number];
}

export class TopPostsQuery extends PlatformSubjectQuery {
  @ApiPropertyOptional({ default: 10 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1, v({ min: 1 })) @Max(100, v({ max: 100 })) limit?: number;
}

export class UnitQuery extends ExportQuery {
  @ApiPropertyOptional({ description: 'Default: the caller’s top unit.' }) @IsOptional() @IsUUID() unitId?: string;
}

export class InactiveQuery extends UnitQuery {
  @ApiPropertyOptional({ default: 7 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1, v({ min: 1 })) @Max(365, v({ max: 365 })) days?: number;
}

export class MonthlyQuery {
  @ApiProperty() @IsUUID() unitId: string;
  @ApiPropertyOptional({ example: '2026-11', description: 'Default: this month.' }) @IsOptional() @Matches(/^\d{4}-\d{2}$/) month?: string;
  @ApiPropertyOptional({ enum: ['json', 'pdf'], default: 'json' }) @IsOptional() @IsIn(['json', 'pdf']) format?: 'json' | 'pdf';
}

export class PutTargetBody {
  @ApiProperty() @IsUUID() unitId: string;
  @ApiProperty({ example: '2026-11' }) @Matches(/^\d{4}-\d{2}$/) month: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsInt() @Min(0, v({ min: 0 })) @Max(1_000_000_000, v({ max: 1_000_000_000 })) followersTarget?:
    number | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsInt() @Min(0, v({ min: 0 })) @Max(1_000_000, v({ max: 1_000_000 })) postsTarget?: number | null;
}

/** The shape of every report answer (rows differ per report; see libs/analytics/README.md). */
export class ReportDto {
  @ApiProperty({ description: 'report, from, to, timeZone, columns (the rows’ keys in order) and report-specific fields.' }) meta: Record<string, unknown>;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) rows: Array<Record<string, unknown>>;
}
