import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { v } from '@kabar/common';
import { TICKET_STATUSES, TicketStatus } from './ticket-states';

const PLATFORMS = ['facebook', 'instagram', 'x', 'telegram', 'mastodon', 'tiktok', 'youtube', 'threads'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class TicketFilterQuery {
  @ApiPropertyOptional({ example: 'kemacetan' }) @IsOptional() @IsString() @MaxLength(40, v({ max: 40 })) category?: string;
  @ApiPropertyOptional({ description: 'A kelurahan or kecamatan: tickets placed in it (or under it).' }) @IsOptional() @IsUUID() placeUnitId?: string;
  @ApiPropertyOptional({ description: 'The OPD the tickets are routed to.' }) @IsOptional() @IsUUID() agencyUnitId?: string;
  @ApiPropertyOptional({ enum: PLATFORMS }) @IsOptional() @IsIn(PLATFORMS) platform?: string;
  @ApiPropertyOptional({ description: 'One status or several, comma-separated.', example: 'baru,terverifikasi' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value))
  @IsIn(TICKET_STATUSES, { each: true })
  status?: TicketStatus[];
  @ApiPropertyOptional({ description: 'true: past the response target and still unanswered; false: not.' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;
  @ApiPropertyOptional({ example: '2026-11-01', description: 'Opened on or after this day (UTC).' }) @IsOptional() @Matches(DAY) from?: string;
  @ApiPropertyOptional({ example: '2026-11-30', description: 'Opened on or before this day (UTC).' }) @IsOptional() @Matches(DAY) to?: string;
}

export class TicketListQuery extends TicketFilterQuery {
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1, v({ min: 1 })) @Max(100, v({ max: 100 })) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0, v({ min: 0 })) @Max(100_000, v({ max: 100_000 })) offset?: number;
}

export class TicketExportQuery extends TicketFilterQuery {
  @ApiPropertyOptional({ enum: ['csv', 'json'], default: 'json' }) @IsOptional() @IsIn(['csv', 'json']) format?: 'csv' | 'json';
}

export class TicketActionDto {
  @ApiPropertyOptional({ description: 'The version the caller saw: refused with 409 when the ticket changed since.' })
  @IsOptional()
  @IsInt()
  @Min(1, v({ min: 1 }))
  version?: number;
  @ApiPropertyOptional({ description: 'dispose: the OPD that acts.' }) @IsOptional() @IsUUID() agencyUnitId?: string;
  @ApiPropertyOptional({ description: 'dispose: the kelurahan (or kecamatan) that acts.' }) @IsOptional() @IsUUID() kelurahanUnitId?: string;
  @ApiPropertyOptional({ description: 'forward (bukan wewenang): where it was sent, e.g. "Balai Besar Wilayah Sungai Ciliwung-Cisadane".' })
  @IsOptional()
  @IsString()
  @MaxLength(300, v({ max: 300 }))
  forwardedTo?: string;
  @ApiPropertyOptional({ description: 'reclassify: the right category.' }) @IsOptional() @IsString() @MaxLength(40, v({ max: 40 })) category?: string;
  @ApiPropertyOptional({ description: 'reclassify: the right place (a kelurahan or kecamatan), or null for none.', nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  placeUnitId?: string | null;
  @ApiPropertyOptional({ description: 'A note kept with the event.' }) @IsOptional() @IsString() @MaxLength(1000, v({ max: 1000 })) note?: string;
}

export class ReportQuery {
  @ApiPropertyOptional({ example: '2026-11-01', description: 'First day (UTC), inclusive; default: 90 days ago.' }) @IsOptional() @Matches(DAY) from?: string;
  @ApiPropertyOptional({ example: '2026-11-30', description: 'Last day (UTC), inclusive; default: today.' }) @IsOptional() @Matches(DAY) to?: string;
  @ApiPropertyOptional({ enum: ['day', 'week', 'month'], default: 'month' }) @IsOptional() @IsIn(['day', 'week', 'month']) interval?: 'day' | 'week' | 'month';
}
