import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDateString, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { v } from '@kabar/common';
import { LANGUAGES } from '../entities/post.entity';

export class UnitQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() unitId?: string;
}

export class ProgramInput {
  @ApiPropertyOptional({ description: 'Owner unit (default: the city).' }) @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional() @IsOptional() @MaxLength(60, v({ max: 60 })) @IsString() key?: string;
  @ApiProperty() @MaxLength(200, v({ max: 200 })) @IsString() @IsNotEmpty() nameId: string;
  @ApiPropertyOptional() @IsOptional() @MaxLength(200, v({ max: 200 })) @IsString() nameEn?: string;
  @ApiPropertyOptional() @IsOptional() @MaxLength(4000, v({ max: 4000 })) @IsString() descriptionId?: string;
  @ApiPropertyOptional() @IsOptional() @MaxLength(4000, v({ max: 4000 })) @IsString() descriptionEn?: string;
  @ApiPropertyOptional() @IsOptional() @MaxLength(100, v({ max: 100 })) @IsString() hashtag?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class CampaignInput {
  @ApiProperty() @IsUUID() unitId: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsUUID() programId?: string | null;
  @ApiProperty() @MaxLength(200, v({ max: 200 })) @IsString() @IsNotEmpty() name: string;
  @ApiPropertyOptional() @IsOptional() @MaxLength(4000, v({ max: 4000 })) @IsString() description?: string;
  @ApiPropertyOptional({ example: '2026-12-01' }) @IsOptional() @IsDateString() startsOn?: string;
  @ApiPropertyOptional({ example: '2026-12-31' }) @IsOptional() @IsDateString() endsOn?: string;
}

export class TemplateVariantInput {
  @ApiProperty({ enum: LANGUAGES }) @IsIn(LANGUAGES) language: 'id' | 'en';
  @ApiProperty() @MaxLength(20000, v({ max: 20000 })) @IsString() text: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @IsString({ each: true }) hashtags?: string[];
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() link?: string | null;
}

export class TemplateInput {
  @ApiProperty() @IsUUID() unitId: string;
  @ApiProperty() @MaxLength(200, v({ max: 200 })) @IsString() @IsNotEmpty() name: string;
  @ApiPropertyOptional() @IsOptional() @MaxLength(40, v({ max: 40 })) @IsString() pillar?: string;
  @ApiProperty({ type: [TemplateVariantInput] })
  @IsArray()
  @ArrayMaxSize(4, v({ max: 4 }))
  @ValidateNested({ each: true })
  @Type(() => TemplateVariantInput)
  variants: TemplateVariantInput[];
}

export class HashtagSetInput {
  @ApiProperty() @IsUUID() unitId: string;
  @ApiProperty() @MaxLength(200, v({ max: 200 })) @IsString() @IsNotEmpty() name: string;
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(30, v({ max: 30 }))
  @IsString({ each: true })
  @MaxLength(100, { each: true, ...v({ max: 100 }) })
  tags: string[];
}

export class ProgramPatch extends PartialType(OmitType(ProgramInput, ['unitId'] as const)) {}
export class CampaignPatch extends PartialType(OmitType(CampaignInput, ['unitId'] as const)) {}
export class TemplatePatch extends PartialType(OmitType(TemplateInput, ['unitId'] as const)) {}
export class HashtagSetPatch extends PartialType(OmitType(HashtagSetInput, ['unitId'] as const)) {}
