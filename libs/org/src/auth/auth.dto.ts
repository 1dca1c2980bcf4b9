import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';
import { v } from '@kabar/common';
import { MembershipDto } from '../users/user.dto';
import { PASSWORD_MAX, PASSWORD_MIN } from '../users/password-hasher';

export class LoginDto {
  @ApiProperty({ example: 'admin@kabar.local' }) @IsEmail() @MaxLength(254, v({ max: 254 })) email: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(PASSWORD_MAX, v({ max: PASSWORD_MAX })) password: string;
}

export class ChangePasswordDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(PASSWORD_MAX, v({ max: PASSWORD_MAX })) currentPassword: string;
  @ApiProperty({ minLength: PASSWORD_MIN })
  @IsString()
  @MinLength(PASSWORD_MIN, v({ min: PASSWORD_MIN }))
  @MaxLength(PASSWORD_MAX, v({ max: PASSWORD_MAX }))
  newPassword: string;
}

export class ResetPasswordDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100, v({ max: 100 })) token: string;
  @ApiProperty({ minLength: PASSWORD_MIN })
  @IsString()
  @MinLength(PASSWORD_MIN, v({ min: PASSWORD_MIN }))
  @MaxLength(PASSWORD_MAX, v({ max: PASSWORD_MAX }))
  newPassword: string;
}

export class MeDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['id', 'en'] }) locale: 'id' | 'en';
  @ApiProperty() isCityAdmin: boolean;
  @ApiProperty({ description: 'Holds admin on some unit: may manage users there.' }) canManageUsers: boolean;
  @ApiProperty({ type: MembershipDto, isArray: true }) memberships: MembershipDto[];
}

export class SessionDto {
  @ApiProperty({ description: 'Short-lived JWT; also set as the httpOnly cookie kabar_at.' }) accessToken: string;
  @ApiProperty() user: MeDto;
}
