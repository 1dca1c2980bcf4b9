import { Controller, Delete, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { KABAR_CONFIG } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { CurrentUser, Principal, Public, RATE_LIMITS, RateLimit } from '@kabar/org';
import { uuidParam } from '../planner/uuid';
import { IcalFeedsService } from './ical-feeds.service';

export function baseUrlOf(config: KabarConfig, req: Request): string {
  return config.publicUrl ?? `${req.protocol}://${req.get('host')}`;
}

@ApiTags('calendar')
@Controller('v1')
export class IcalController {
  constructor(
    private readonly feeds: IcalFeedsService,
    @Inject(KABAR_CONFIG) private readonly config: KabarConfig,
  ) {}

  @Post('units/:id/ical-feed')
  @ApiBearerAuth()
  @ApiCreatedResponse({ description: 'A new secret feed URL (shown once); the previous one stops working.' })
  create(@CurrentUser() p: Principal, @Param('id', uuidParam('id')) id: string, @Req() req: Request) {
    return this.feeds.create(p, id, baseUrlOf(this.config, req));
  }

  @Delete('units/:id/ical-feed')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'Revokes the unit’s feed.' })
  revoke(@CurrentUser() p: Principal, @Param('id', uuidParam('id')) id: string): Promise<void> {
    return this.feeds.revoke(p, id);
  }

  @Get('ical/:token.ics')
  @Public()
  @RateLimit(RATE_LIMITS.icalFeed)
  @ApiOkResponse({ description: 'text/calendar (RFC 5545) of the unit’s planned posts.' })
  async feed(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const body = await this.feeds.render(token, baseUrlOf(this.config, req));
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Cache-Control', 'private, max-age=300');
    res.send(body);
  }
}
