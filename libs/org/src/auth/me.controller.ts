import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Principal } from '../access/principal';
import { AccountService } from './account.service';
import { AuthedRequest, CurrentUser } from './auth.decorators';
import { ChangePasswordDto, MeDto } from './auth.dto';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('v1/me')
export class MeController {
  constructor(private readonly account: AccountService) {}

  @Get()
  @ApiOkResponse({ type: MeDto })
  me(@CurrentUser() p: Principal): Promise<MeDto> {
    return this.account.me(p.userId);
  }

  @Post('password')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Password changed; every other session ended.' })
  changePassword(@CurrentUser() p: Principal, @Body() dto: ChangePasswordDto, @Req() req: AuthedRequest): Promise<void> {
    return this.account.changePassword(p, dto, req.sessionId);
  }
}
