import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { UNIT_KINDS, UnitEntity, UnitKind } from '../entities/unit.entity';

export class UnitDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, example: '32.71.01.1001' }) code: string | null;
  @ApiProperty({ example: 'Batu Tulis' }) name: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind: UnitKind;
  @ApiProperty({ nullable: true }) parentId: string | null;
  @ApiProperty({ example: 'Asia/Jakarta' }) timeZone: string;
  @ApiProperty() reviewRequired: boolean;
}

export function mapUnit(u: UnitEntity): UnitDto {
  return { id: u.id, code: u.code, name: u.name, kind: u.kind, parentId: u.parentId, timeZone: u.timeZone, reviewRequired: u.reviewRequired };
}

export class ListUnitsQuery {
  @ApiPropertyOptional({ enum: UNIT_KINDS }) @IsOptional() @IsIn(UNIT_KINDS) kind?: UnitKind;
  @ApiPropertyOptional() @IsOptional() @IsUUID() parentId?: string;
}
