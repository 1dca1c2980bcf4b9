import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsTimeZone, IsUUID, Matches, MaxLength } from 'class-validator';
import { v } from '@kabar/common';
import { UNIT_KINDS, UnitEntity, UnitKind } from '../entities/unit.entity';
import { zoneLabel } from '../wilayah/wilayah-file';

export class UnitDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true, example: '32.71.01.1001' }) code: string | null;
  @ApiProperty({ example: 'Batu Tulis' }) name: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind: UnitKind;
  @ApiProperty({ type: String, nullable: true }) parentId: string | null;
  @ApiProperty({ example: 'Asia/Jakarta' }) timeZone: string;
  @ApiProperty({ enum: ['WIB', 'WITA', 'WIT'], nullable: true, description: 'The Indonesian name of the zone (null for another zone).' }) zone:
    'WIB' | 'WITA' | 'WIT' | null;
  @ApiProperty() reviewRequired: boolean;
}

export function mapUnit(u: UnitEntity): UnitDto {
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    kind: u.kind,
    parentId: u.parentId,
    timeZone: u.timeZone,
    zone: zoneLabel(u.timeZone),
    reviewRequired: u.reviewRequired,
  };
}

export class UnitNodeDto extends UnitDto {
  @ApiProperty({ description: 'Units directly under this one.' }) childCount: number;
}

export class UnitOverviewDto {
  @ApiProperty() unit: UnitDto;
  @ApiProperty({ type: UnitDto, isArray: true, description: 'The units above it that the caller sees, from the top down.' }) ancestors: UnitDto[];
  @ApiProperty({ description: 'Units directly under it.' }) childCount: number;
  @ApiProperty({ description: 'Units of each kind in its subtree (itself excluded).', example: { kecamatan: 6, kelurahan: 68 } }) descendants: Record<
    string,
    number
  >;
  @ApiProperty({ description: 'Social accounts in its subtree (disabled ones excluded).' }) accounts: number;
  @ApiProperty({ description: 'People holding a role on it or a unit inside it.' }) members: number;
}

export class UnitTreeQuery {
  @ApiPropertyOptional({ description: 'List the children of this unit; omitted: the caller’s top units.' }) @IsOptional() @IsUUID() parentId?: string;
}

export class ListUnitsQuery {
  @ApiPropertyOptional({ enum: UNIT_KINDS }) @IsOptional() @IsIn(UNIT_KINDS) kind?: UnitKind;
  @ApiPropertyOptional() @IsOptional() @IsUUID() parentId?: string;
}

const CHILD_KINDS = UNIT_KINDS.filter((k) => k !== 'nasional');

export class CreateUnitDto {
  @ApiProperty({ example: 'Kelurahan Contoh' }) @IsString() @IsNotEmpty() @MaxLength(200, v({ max: 200 })) name: string;
  @ApiProperty({ enum: CHILD_KINDS }) @IsIn(CHILD_KINDS) kind: UnitKind;
  @ApiProperty() @IsUUID() parentId: string;
  @ApiPropertyOptional({ example: '32.71.01.1099' }) @IsOptional() @IsString() @MaxLength(40, v({ max: 40 })) @Matches(/^[\w.-]+$/) code?: string;
  @ApiPropertyOptional({ example: 'Asia/Jakarta' }) @IsOptional() @IsTimeZone() @MaxLength(64, v({ max: 64 })) timeZone?: string;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() reviewRequired?: boolean;
}

export class UpdateUnitDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200, v({ max: 200 })) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40, v({ max: 40 })) @Matches(/^[\w.-]+$/) code?: string;
  @ApiPropertyOptional() @IsOptional() @IsTimeZone() @MaxLength(64, v({ max: 64 })) timeZone?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() reviewRequired?: boolean;
}
