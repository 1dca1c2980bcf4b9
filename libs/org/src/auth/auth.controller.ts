import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { RATE_LIMITS, RateLimit } from '../rate-limit';
import { PasswordResetService } from '../users/password-reset.service';
import { AuthCookies } from './auth-cookies';
import { AuthedRequest, Public } from './auth.decorators';
import { LoginDto, ResetPasswordDto, SessionDto } from './auth.dto';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Public()
@Controller('v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly resets: PasswordResetService,
    private readonly cookies: AuthCookies,
  ) {}

  @Post('login')
  @HttpCode(200)
  @RateLimit(RATE_LIMITS.login)
  @ApiOkResponse({ type: SessionDto })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password (the same answer for an unknown email).' })
  @ApiTooManyRequestsResponse({ description: 'Too many requests from this client, or wrong passwords for this email from it; see Retry-After.' })
  async login(@Body() dto: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<SessionDto> {
    const { session, tokens } = await this.auth.login(dto, req.ip ?? 'unknown');
    this.cookies.set(req, res, tokens);
    return session;
  }

  @Post('refresh')
  @HttpCode(200)
  @RateLimit(RATE_LIMITS.refresh)
  @ApiTooManyRequestsResponse({ description: 'Too many requests; see Retry-After.' })
  @ApiOkResponse({ type: SessionDto, description: 'Rotates the refresh cookie kabar_rt and issues a new access token.' })
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<SessionDto> {
    const { session, tokens } = await this.auth.refresh(this.cookies.refreshToken(req));
    this.cookies.set(req, res, tokens);
    return session;
  }

  @Post('logout')
  @HttpCode(204)
  @RateLimit(RATE_LIMITS.logout)
  @ApiNoContentResponse({ description: 'Ends the refresh session and clears the cookies.' })
  async logout(@Req() req: AuthedRequest, @Res({ passthrough: true }) res: Response): Promise<void> {
    const access = req.principal ? { userId: req.principal.userId, familyId: req.sessionId } : undefined;
    await this.auth.logout(this.cookies.refreshToken(req), access);
    this.cookies.clear(req, res);
  }

  @Post('reset-password')
  @HttpCode(204)
  @RateLimit(RATE_LIMITS.resetPassword)
  @ApiTooManyRequestsResponse({ description: 'Too many requests from this client or for this link; see Retry-After.' })
  @ApiNoContentResponse({ description: 'The password is set; every session of the user ends.' })
  resetPassword(@Body() dto: ResetPasswordDto): Promise<void> {
    return this.resets.reset(dto.token, dto.newPassword);
  }
}
