import { IsBoolean, IsEmail, IsIn, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { ROLES, type Role } from '@crosschat/core';

export const INVITABLE_ROLES = ['admin', 'manager', 'agent', 'limited_agent'] as const;

export class InviteMemberDto {
  @IsEmail() @MaxLength(255)
  email!: string;

  @IsIn(INVITABLE_ROLES)
  role!: (typeof INVITABLE_ROLES)[number];
}

export class UpdateMemberDto {
  @IsOptional() @IsString() @MaxLength(100)
  department?: string;

  @IsOptional() @IsString() @MaxLength(100)
  title?: string;

  @IsOptional() @IsBoolean()
  is_active?: boolean;

  /** Partial overrides of the role's default permissions, e.g. { conversations: { assign: true } }. */
  @IsOptional() @IsObject()
  permissions?: Record<string, Record<string, boolean>>;
}

export class ChangeRoleDto {
  @IsIn(ROLES)
  role!: Role;
}
