import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { AppError } from '@kabar/common';
import { CurrentUser, Principal, RATE_LIMITS, RateLimit } from '@kabar/org';
import { AccountPlatform } from '../entities/social-account.entity';
import { OAUTH_PLATFORMS, OAuthConnectService } from './oauth-connect.service';

class ConnectQuery {
  @IsUUID() unitId: string;
  @IsOptional() @IsUUID() accountId?: string;
}

class CallbackQuery {
  @IsOptional() @IsString() @MaxLength(2000) code?: string;
  @IsOptional() @IsString() @MaxLength(200) state?: string;
  @IsOptional() @IsString() @MaxLength(500) error?: string;
  @IsOptional() @IsString() @MaxLength(2000) error_description?: string;
  @IsOptional() @IsString() @MaxLength(2000) scope?: string;
  @IsOptional() @IsString() @MaxLength(2000) scopes?: string;
}

function platformParam(platform: string): AccountPlatform {
  if (!(OAUTH_PLATFORMS as readonly string[]).includes(platform)) throw AppError.notFound('accounts.oauthNotConfigured', { platform });
  return platform as AccountPlatform;
}

/** Browser navigation: start redirects to the platform; the callback comes back here, then to the console. */
@ApiTags('accounts')
@ApiBearerAuth()
@Controller('v1/accounts/connect')
export class OAuthConnectController {
  constructor(private readonly oauth: OAuthConnectService) {}

  @Get(':platform')
  @ApiFoundResponse({ description: "Redirect to the platform's authorise page." })
  async start(@CurrentUser() p: Principal, @Param('platform') platform: string, @Query() q: ConnectQuery, @Res() res: Response) {
    res.redirect(302, await this.oauth.start(p, platformParam(platform), q.unitId, q.accountId));
  }

  @Get(':platform/callback')
  @RateLimit(RATE_LIMITS.oauthCallback)
  @ApiFoundResponse({ description: 'Redirect to the accounts page with the result.' })
  async callback(@CurrentUser() p: Principal, @Param('platform') platform: string, @Query() q: CallbackQuery, @Res() res: Response) {
    if (q.error || !q.code || !q.state) return res.redirect(302, `/accounts?error=${encodeURIComponent(q.error ?? 'oauth_denied')}`);
    try {
      const { id, unitId } = await this.oauth.callback(p, platformParam(platform), q.code, q.state);
      res.redirect(302, `/accounts?unitId=${unitId}&connected=${id}`);
    } catch (e) {
      if (e instanceof AppError) return res.redirect(302, `/accounts?error=${encodeURIComponent(e.key)}`);
      throw e;
    }
  }
}
