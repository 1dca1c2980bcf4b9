import { pipeline } from 'stream/promises';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';
import { v } from '@kabar/common';
import { CurrentUser, Principal, Public, RATE_LIMITS, RateLimit } from '@kabar/org';
import { uuidParam } from '../planner/uuid';
import { StoredFile } from './media-storage';
import { MediaItemDto, MediaService } from './media.service';

export class MediaQuery {
  @ApiProperty() @IsUUID() unitId: string;
}

export class AltTextDto {
  @ApiProperty({ nullable: true }) @IsOptional() @IsString() @MaxLength(1000, v({ max: 1000 })) altText: string | null;
}

/** Streams a stored file (a video may be a gigabyte: never read whole into memory). */
async function send(res: Response, mimeType: string, file: StoredFile, cache: string): Promise<void> {
  res.setHeader('Content-Type', mimeType);
  res.setHeader('Content-Length', String(file.bytes));
  res.setHeader('Cache-Control', cache);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  await pipeline(file.stream, res).catch(() => res.destroy()); // the client went away, or the file could not be read
}

@ApiTags('media')
@Controller('v1/media')
export class MediaController {
  constructor(private readonly media: MediaService) {}

  @Post()
  @ApiBearerAuth()
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    description: 'unitId first, then the file (streamed to disk; checked by its parser). Limits per kind and a storage quota per unit apply.',
    schema: {
      type: 'object',
      required: ['unitId', 'file'],
      properties: { unitId: { type: 'string', format: 'uuid' }, altText: { type: 'string', maxLength: 1000 }, file: { type: 'string', format: 'binary' } },
    },
  })
  upload(@CurrentUser() p: Principal, @Req() req: Request): Promise<MediaItemDto> {
    return this.media.upload(p, req);
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
    const { media, file } = await this.media.publicFile(token);
    await send(res, media.mimeType, file, 'public, max-age=300');
  }

  @Get(':id/file')
  @ApiBearerAuth()
  async file(@CurrentUser() p: Principal, @Param('id', uuidParam('id')) id: string, @Res() res: Response): Promise<void> {
    const { media, file } = await this.media.file(p, id);
    await send(res, media.mimeType, file, 'private, max-age=3600');
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
