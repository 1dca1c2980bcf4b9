import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsTimeZone, IsUUID, Matches, MaxLength } from 'class-validator';
import { v } from '@kabar/common';
import { POST_STATUSES } from '../entities/post.entity';
import { DAY_OR_TIME } from '../posts/post-query.dto';

export class CalendarQuery {
  @ApiProperty({ example: '2026-11-01', description: 'Start day (in timeZone) or instant, inclusive.' }) @Matches(DAY_OR_TIME) from: string;
  @ApiProperty({ example: '2026-12-01', description: 'End day or instant, exclusive.' }) @Matches(DAY_OR_TIME) to: string;
  @ApiPropertyOptional({ description: 'Default: the caller’s zone, else the city’s.' }) @IsOptional() @IsTimeZone() timeZone?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() accountId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40, v({ max: 40 })) pillar?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() programId?: string;
  @ApiPropertyOptional({ enum: POST_STATUSES }) @IsOptional() @IsIn(POST_STATUSES) status?: string;
}

export class CalendarItemDto {
  @ApiProperty() id: string;
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty() pillar: string;
  @ApiProperty() status: string;
  @ApiProperty({ nullable: true }) programId: string | null;
  @ApiProperty({ nullable: true }) campaignId: string | null;
  @ApiProperty() scheduledAt: string;
  @ApiProperty({ example: '2026-11-24T09:00', description: 'In the answer’s timeZone.' }) local: string;
  @ApiProperty({ description: 'The post’s own zone.' }) postTimeZone: string;
  @ApiProperty() version: number;
  @ApiProperty() excerpt: string;
  @ApiProperty({ type: [String], example: ['facebook', 'x'] }) platforms: string[];
}

export class CalendarDto {
  @ApiProperty() timeZone: string;
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ type: [CalendarItemDto] }) items: CalendarItemDto[];
}
