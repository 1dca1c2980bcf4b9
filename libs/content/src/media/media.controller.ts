import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { v } from '@kabar/common';
import { CurrentUser, Principal, Public, RATE_LIMITS, RateLimit } from '@kabar/org';
import { uuidParam } from '../planner/uuid';
import { MAX_VIDEO_BYTES, MediaItemDto, MediaService, UploadedFile as File } from './media.service';

export class UploadMediaDto {
  @ApiProperty() @IsUUID() unitId: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000, v({ max: 1000 })) altText?: string;
}

export class MediaQuery {
  @ApiProperty() @IsUUID() unitId: string;
}

export class AltTextDto {
  @ApiProperty({ nullable: true }) @IsOptional() @IsString() @MaxLength(1000, v({ max: 1000 })) altText: string | null;
}

function send(res: Response, mimeType: string, data: Buffer, cache: string) {
  res.setHeader('Content-Type', mimeType);
  res.setHeader('Cache-Control', cache);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.send(data);
}

@ApiTags('media')
@Controller('v1/media')
export class MediaController {
  constructor(private readonly media: MediaService) {}

  @Post()
  @ApiBearerAuth()
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' }, unitId: { type: 'string' }, altText: { type: 'string' } } } })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_VIDEO_BYTES, files: 1 } }))
  upload(@CurrentUser() p: Principal, @UploadedFile() file: File | undefined, @Body() dto: UploadMediaDto): Promise<MediaItemDto> {
    return this.media.upload(p, dto.unitId, file, dto.altText);
  }

  @Get()
  @ApiBearerAuth()
  list(@CurrentUser() p: Principal, @Query() q: MediaQuery): Promise<MediaItemDto[]> {
    return this.media.list(p, q.unitId);
  }

  @Get('public/:token')
  @Public()
  @RateLimit(RATE_LIMITS.mediaPublic)
  async publicFile(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const { media, data } = await this.media.publicFile(token);
    send(res, media.mimeType, data, 'public, max-age=300');
  }

  @Get(':id/file')
  @ApiBearerAuth()
  async file(@CurrentUser() p: Principal, @Param('id', uuidParam('id')) id: string, @Res() res: Response): Promise<void> {
    const { media, data } = await this.media.file(p, id);
    send(res, media.mimeType, data, 'private, max-age=3600');
  }

  @Patch(':id')
  @ApiBearerAuth()
  setAlt(@CurrentUser() p: Principal, @Param('id', uuidParam('id')) id: string, @Body() dto: AltTextDto): Promise<MediaItemDto> {
    return this.media.setAltText(p, id, dto.altText);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiBearerAuth()
  remove(@CurrentUser() p: Principal, @Param('id', uuidParam('id')) id: string): Promise<void> {
    return this.media.remove(p, id);
  }
}
