import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { IsOptional, IsString, IsUUID, MaxLength, validate } from 'class-validator';
import { AppError, toDetails, v } from '@kabar/common';

/** The text fields of an upload; `unitId` must come before the file (it decides access and quota before any byte is stored). */
export class UploadMediaDto {
  @ApiProperty() @IsUUID() unitId: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000, v({ max: 1000 })) altText?: string;
}

/** The fields checked as the global validation pipe checks a JSON body (unknown fields refused). */
export async function uploadFields(raw: Record<string, string>): Promise<UploadMediaDto> {
  const nul = Object.keys(raw).find((k) => raw[k].includes('\u0000'));
  if (nul) throw AppError.validation([{ field: nul, code: 'validation.invalid' }]); // PostgreSQL text cannot hold NUL
  const dto = plainToInstance(UploadMediaDto, raw);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false, value: false } });
  if (errors.length) throw AppError.validation(toDetails(errors));
  return dto;
}
