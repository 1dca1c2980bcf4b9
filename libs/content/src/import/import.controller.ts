import { Body, Controller, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBadRequestResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsOptional, IsString, IsTimeZone, IsUUID, MaxLength } from 'class-validator';
import { v } from '@kabar/common';
import { CurrentUser, Principal } from '@kabar/org';
import { ImportService } from './import.service';

export class ImportFieldsDto {
  @ApiPropertyOptional({ description: 'Hootsuite and Sprout layouts: the unit of every row.' }) @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ description: 'Hootsuite and Sprout layouts: account ids, comma-separated.' })
  @IsOptional()
  @Transform(({ value }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((s: string) => s.trim())
          .filter(Boolean)
      : value,
  )
  @IsArray()
  @IsUUID('all', { each: true })
  accountIds?: string[];
  @ApiPropertyOptional({ description: 'Hootsuite and Sprout layouts: the pillar of every row.' })
  @IsOptional()
  @MaxLength(40, v({ max: 40 }))
  @IsString()
  pillar?: string;
  @ApiPropertyOptional() @IsOptional() @IsTimeZone() timeZone?: string;
}

@ApiTags('posts')
@ApiBearerAuth()
@Controller('v1/posts/import')
export class ImportController {
  constructor(private readonly imports: ImportService) {}

  @Post()
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { file: { type: 'string', format: 'binary' }, unitId: { type: 'string' }, accountIds: { type: 'string' }, pillar: { type: 'string' } },
    },
  })
  @ApiOkResponse({ description: 'Every row imported as a draft.' })
  @ApiBadRequestResponse({ description: 'Nothing imported; `details` names each bad row, its field and why.' })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 5 * 1024 * 1024, files: 1 } }))
  run(@CurrentUser() p: Principal, @UploadedFile() file: { buffer: Buffer } | undefined, @Body() dto: ImportFieldsDto) {
    return this.imports.import(p, file?.buffer, dto);
  }
}
