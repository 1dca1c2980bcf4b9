import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Principal } from '../access/principal';
import { CurrentUser } from '../auth/auth.decorators';
import { uuidParam } from '../http/uuid-param';
import { PasswordResetService } from './password-reset.service';
import { CreateUserDto, CreatedUserDto, MembershipInput, PasswordResetDto, UpdateUserDto, UserDto } from './user.dto';
import { UsersService } from './users.service';

const uuid = uuidParam('id');

@ApiTags('users')
@ApiBearerAuth()
@Controller('v1/users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly resets: PasswordResetService,
  ) {}

  @Get()
  @ApiOkResponse({ type: UserDto, isArray: true })
  list(@CurrentUser() p: Principal): Promise<UserDto[]> {
    return this.users.list(p);
  }

  @Post()
  @ApiCreatedResponse({ type: CreatedUserDto })
  create(@CurrentUser() p: Principal, @Body() dto: CreateUserDto): Promise<CreatedUserDto> {
    return this.users.create(p, dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: UserDto })
  get(@CurrentUser() p: Principal, @Param('id', uuid) id: string): Promise<UserDto> {
    return this.users.get(p, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserDto })
  update(@CurrentUser() p: Principal, @Param('id', uuid) id: string, @Body() dto: UpdateUserDto): Promise<UserDto> {
    return this.users.update(p, id, dto);
  }

  @Post(':id/memberships')
  @ApiCreatedResponse({ type: UserDto })
  addMembership(@CurrentUser() p: Principal, @Param('id', uuid) id: string, @Body() dto: MembershipInput): Promise<UserDto> {
    return this.users.addMembership(p, id, dto);
  }

  @Delete(':id/memberships/:membershipId')
  @HttpCode(204)
  @ApiNoContentResponse()
  removeMembership(
    @CurrentUser() p: Principal,
    @Param('id', uuid) id: string,
    @Param('membershipId', uuidParam('membershipId')) membershipId: string,
  ): Promise<void> {
    return this.users.removeMembership(p, id, membershipId);
  }

  @Post(':id/password-reset')
  @ApiCreatedResponse({ type: PasswordResetDto, description: 'Shown once to the admin.' })
  passwordReset(@CurrentUser() p: Principal, @Param('id', uuid) id: string): Promise<PasswordResetDto> {
    return this.resets.issue(p, id);
  }
}
