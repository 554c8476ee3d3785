import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean, IsIn, IsOptional, IsString, MaxLength, Validate, ValidatorConstraint,
  type ValidationArguments, type ValidatorConstraintInterface,
} from 'class-validator';
import { ROLE_PERMISSIONS, ROLES, type Permissions, type Role } from '@crosschat/core';
import { IsEmailAddress, IsOmittable, IsStorableText } from '../../common/dto/validation.js';

export const INVITABLE_ROLES = ['admin', 'manager', 'agent', 'limited_agent'] as const;

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Permission overrides must use the areas and actions of core's permission table, with true/false values. */
@ValidatorConstraint({ name: 'permissionOverrides' })
export class IsPermissionOverrides implements ValidatorConstraintInterface {
  private problem(value: unknown): string | null {
    if (!isObject(value)) return 'permissions must be an object such as { "conversations": { "assign": true } }';
    const known = ROLE_PERMISSIONS.owner as unknown as Record<string, Record<string, boolean>>;
    for (const [area, actions] of Object.entries(value)) {
      if (!known[area]) return `permissions.${area} is not a permission area (${Object.keys(known).join(', ')})`;
      if (!isObject(actions)) return `permissions.${area} must be an object of actions`;
      for (const [action, allowed] of Object.entries(actions)) {
        if (!(action in known[area]!)) return `permissions.${area}.${action} is not an action of ${area} (${Object.keys(known[area]!).join(', ')})`;
        if (typeof allowed !== 'boolean') return `permissions.${area}.${action} must be true or false`;
      }
    }
    return null;
  }
  validate(value: unknown): boolean {
    return this.problem(value) === null;
  }
  defaultMessage(args: ValidationArguments): string {
    return this.problem(args.value) ?? 'permissions are invalid';
  }
}

export class InviteMemberDto {
  @ApiProperty({ format: 'email', example: 'sam@example.com' })
  @Transform(trim) @IsEmailAddress() @MaxLength(255)
  email!: string;

  @ApiProperty({ enum: INVITABLE_ROLES, description: 'Owners are made by changing the role of an existing member' })
  @IsIn(INVITABLE_ROLES)
  role!: (typeof INVITABLE_ROLES)[number];
}

/** Absent fields stay; null clears the department or title; the active flag and overrides cannot be nulled. */
export class UpdateMemberDto {
  @ApiPropertyOptional({ maxLength: 100, nullable: true })
  @IsOptional() @Transform(trim) @IsString() @MaxLength(100) @IsStorableText()
  department?: string | null;

  @ApiPropertyOptional({ maxLength: 100, nullable: true })
  @IsOptional() @Transform(trim) @IsString() @MaxLength(100) @IsStorableText()
  title?: string | null;

  @ApiPropertyOptional({ description: 'false suspends the member without removing them' })
  @IsOmittable() @IsBoolean()
  is_active?: boolean;

  @ApiPropertyOptional({
    description: "Partial overrides merged into the member's current permissions (a role change resets them to the role's defaults)",
    example: { conversations: { assign: true } },
  })
  @IsOmittable() @Validate(IsPermissionOverrides)
  permissions?: { [A in keyof Permissions]?: Partial<Permissions[A]> };
}

export class ChangeRoleDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;
}
