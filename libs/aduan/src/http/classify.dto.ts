import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { v } from '@kabar/common';

export const MAX_CLASSIFY_ITEMS = 1000;
export const MAX_TEXT = 5000;

export class ClassifyItemDto {
  @ApiProperty({ example: 'jln pajajaran macet parah tiap sore, tolong dong dishub' })
  // checked bottom-up: missing → required, not text → isString, too long → maxLength
  @MaxLength(MAX_TEXT, v({ max: MAX_TEXT }))
  @IsString()
  @IsNotEmpty()
  text: string;

  @ApiPropertyOptional({ example: 'instagram', description: 'Where it was written; kept for the caller, it does not change the decision.' })
  @IsOptional()
  @MaxLength(40, v({ max: 40 }))
  @IsString()
  platform?: string;

  @ApiPropertyOptional({ description: 'The post the comment answers. A place it names is returned as contextPlace when the text names none.' })
  @IsOptional()
  @MaxLength(MAX_TEXT, v({ max: MAX_TEXT }))
  @IsString()
  context?: string;
}

export class ClassifyRequestDto {
  @ApiProperty({ type: ClassifyItemDto, isArray: true, minItems: 1, maxItems: MAX_CLASSIFY_ITEMS })
  @IsArray()
  @ArrayMinSize(1, v({ min: 1 }))
  @ArrayMaxSize(MAX_CLASSIFY_ITEMS, v({ max: MAX_CLASSIFY_ITEMS }))
  @ValidateNested({ each: true })
  @Type(() => ClassifyItemDto)
  items: ClassifyItemDto[];
}

export class UnitRefDto {
  @ApiProperty({ nullable: true, description: 'Null when the unit tree has no unit with the configured code.' }) unitId: string | null;
  @ApiProperty() name: string;
}

export class AgencyRefDto extends UnitRefDto {
  @ApiProperty({ example: '32.71.OPD.DISHUB' }) code: string;
}

export class PlaceRefDto {
  @ApiProperty() unitId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['kecamatan', 'kelurahan'] }) kind: 'kecamatan' | 'kelurahan';
  @ApiProperty({ nullable: true, example: '32.71.06.1003' }) code: string | null;
  @ApiProperty({ description: 'The words of the text that named it, as written.' }) matched: string;
  @ApiProperty({ enum: ['name', 'alias', 'spelling', 'landmark'] }) via: string;
}

export class ReasonDto {
  @ApiProperty({ example: 'macet', description: 'Words as written, two words, or signal:<name>.' }) text: string;
  @ApiProperty({ enum: ['word', 'phrase', 'signal'] }) kind: string;
  @ApiProperty({ description: 'Log-odds it added to the decision.' }) weight: number;
  @ApiProperty({ enum: ['complaint', 'not_complaint', 'category'] }) supports: string;
}

export class ClassifyResultDto {
  @ApiProperty() isComplaint: boolean;
  @ApiProperty({ description: 'Probability that it is a complaint (0–1).' }) score: number;
  @ApiProperty({ nullable: true, example: 'kemacetan' }) category: string | null;
  @ApiProperty({ nullable: true }) categoryScore: number | null;
  @ApiProperty({ type: AgencyRefDto, nullable: true }) agency: AgencyRefDto | null;
  @ApiProperty({ type: PlaceRefDto, nullable: true }) place: PlaceRefDto | null;
  @ApiProperty({ type: UnitRefDto, nullable: true, description: 'The kelurahan added to the route (complaints whose place is a kelurahan).' })
  kelurahan: UnitRefDto | null;
  @ApiProperty({ type: PlaceRefDto, nullable: true, description: 'A place named by `context`, only when the text names none.' })
  contextPlace: PlaceRefDto | null;
  @ApiProperty({ type: ReasonDto, isArray: true }) reasons: ReasonDto[];
}

export class ClassifyResponseDto {
  @ApiProperty({ type: ClassifyResultDto, isArray: true }) items: ClassifyResultDto[];
}
