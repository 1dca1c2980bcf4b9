import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal } from '@kabar/org';
import { AccountsService } from './accounts.service';
import { AccountDto, CreateAccountDto, ListAccountsQuery, ReconnectAccountDto, UpdateAccountDto } from './dto/account.dto';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('v1/accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @ApiOkResponse({ type: AccountDto, isArray: true })
  list(@CurrentUser() p: Principal, @Query() q: ListAccountsQuery) {
    return this.accounts.list(p, q);
  }

  @Post()
  @ApiOkResponse({ type: AccountDto })
  create(@CurrentUser() p: Principal, @Body() dto: CreateAccountDto) {
    return this.accounts.create(p, dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: AccountDto })
  get(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.accounts.get(p, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: AccountDto })
  update(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateAccountDto) {
    return this.accounts.update(p, id, dto);
  }

  @Post(':id/reconnect')
  @ApiOkResponse({ type: AccountDto })
  reconnect(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReconnectAccountDto) {
    return this.accounts.reconnect(p, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.accounts.remove(p, id);
  }
}
