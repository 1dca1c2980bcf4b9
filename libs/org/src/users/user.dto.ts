import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { v } from '@kabar/common';
import { MembershipEntity, ROLES, Role } from '../entities/membership.entity';
import { UnitKind } from '../entities/unit.entity';
import { UserEntity } from '../entities/user.entity';
import { PASSWORD_MAX, PASSWORD_MIN } from './password-hasher';

export const LOCALES = ['id', 'en'] as const;

export class MembershipInput {
  @ApiProperty() @IsUUID() unitId: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: Role;
}

export class CreateUserDto {
  @ApiProperty({ example: 'lurah.sempur@kotabogor.go.id' }) @IsEmail() @MaxLength(254, v({ max: 254 })) email: string;
  @ApiProperty({ example: 'Admin Kelurahan Sempur' }) @IsString() @IsNotEmpty() @MaxLength(120, v({ max: 120 })) name: string;
  @ApiPropertyOptional({ enum: LOCALES, default: 'id' }) @IsOptional() @IsIn(LOCALES) locale?: 'id' | 'en';
  /** Optional: without it the response carries a one-time link for the user to set their own. */
  @ApiPropertyOptional({ minLength: PASSWORD_MIN })
  @IsOptional()
  @IsString()
  @MinLength(PASSWORD_MIN, v({ min: PASSWORD_MIN }))
  @MaxLength(PASSWORD_MAX, v({ max: PASSWORD_MAX }))
  password?: string;
  @ApiProperty({ type: MembershipInput, isArray: true })
  @IsArray()
  @ArrayMinSize(1, v({ min: 1 }))
  @ArrayMaxSize(20, v({ max: 20 }))
  @ValidateNested({ each: true })
  @Type(() => MembershipInput)
  memberships: MembershipInput[];
}

export class UpdateUserDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(120, v({ max: 120 })) name?: string;
  @ApiPropertyOptional({ enum: LOCALES }) @IsOptional() @IsIn(LOCALES) locale?: 'id' | 'en';
  @ApiPropertyOptional() @IsOptional() @IsBoolean() disabled?: boolean;
}

export class MembershipDto {
  @ApiProperty() id: string;
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ nullable: true }) unitCode: string | null;
  @ApiProperty() unitKind: UnitKind;
  @ApiProperty({ enum: ROLES }) role: Role;
}

export class UserDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: LOCALES }) locale: 'id' | 'en';
  @ApiProperty() disabled: boolean;
  @ApiProperty({ type: MembershipDto, isArray: true }) memberships: MembershipDto[];
  @ApiProperty() createdAt: string;
}

export class PasswordResetDto {
  @ApiProperty({ description: 'Shown once: hand it to the user.' }) resetUrl: string;
  @ApiProperty() token: string;
  @ApiProperty() expiresAt: string;
}

export class CreatedUserDto {
  @ApiProperty() user: UserDto;
  @ApiPropertyOptional({ type: PasswordResetDto, description: 'Present when no password was given.' }) passwordSetup?: PasswordResetDto;
}

export function mapMembership(m: MembershipEntity): MembershipDto {
  return { id: m.id, unitId: m.unitId, unitName: m.unit.name, unitCode: m.unit.code, unitKind: m.unit.kind, role: m.role };
}

/** `visible` hides memberships outside the caller's scope (a unit admin does not learn about other units). */
export function mapUser(u: UserEntity, visible: (m: MembershipEntity) => boolean = () => true): UserDto {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    locale: u.locale,
    disabled: u.disabled,
    memberships: (u.memberships ?? []).filter(visible).map(mapMembership),
    createdAt: u.createdAt.toISOString(),
  };
}
