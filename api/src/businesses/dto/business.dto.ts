import { PartialType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min, MinLength,
  Validate, ValidateNested, ValidatorConstraint, type ValidatorConstraintInterface,
} from 'class-validator';

@ValidatorConstraint({ name: 'timezone' })
export class IsTimeZone implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string' || !value) return false;
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  }
  defaultMessage(): string {
    return 'timezone must be an IANA time zone such as Europe/Berlin';
  }
}

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,98}[a-z0-9])$/;

export class CreateBusinessDto {
  @IsString() @MinLength(2) @MaxLength(255)
  name!: string;

  @IsOptional() @Matches(SLUG_PATTERN, { message: 'slug must be 3–100 lowercase letters, digits or dashes' })
  slug?: string;

  @IsOptional() @IsEmail() @MaxLength(255)
  email?: string;

  @IsOptional() @IsString() @MaxLength(50)
  phone?: string;

  @IsOptional() @IsUrl({ require_protocol: false }) @MaxLength(255)
  website?: string;

  @IsOptional() @IsString() @MaxLength(100)
  industry?: string;

  @IsOptional() @IsIn(['1', '2-5', '6-20', '21-50', '51-200', '200+'])
  team_size?: string;

  @IsOptional() @Validate(IsTimeZone)
  timezone?: string;
}

/** The profile fields of CreateBusinessDto, all optional. */
export class UpdateBusinessDto extends PartialType(PickType(CreateBusinessDto, ['name', 'email', 'phone', 'website'] as const)) {}

const HHMM = /^(?:[01]\d|2[0-3]):[0-5]\d$|^closed$/;

export class DayHoursDto {
  @Matches(HHMM, { message: 'start must be HH:MM or "closed"' }) start!: string;
  @Matches(HHMM, { message: 'end must be HH:MM or "closed"' }) end!: string;
}

export class ScheduleDto {
  @IsOptional() @ValidateNested() @Type(() => DayHoursDto) monday?: DayHoursDto;
  @IsOptional() @ValidateNested() @Type(() => DayHoursDto) tuesday?: DayHoursDto;
  @IsOptional() @ValidateNested() @Type(() => DayHoursDto) wednesday?: DayHoursDto;
  @IsOptional() @ValidateNested() @Type(() => DayHoursDto) thursday?: DayHoursDto;
  @IsOptional() @ValidateNested() @Type(() => DayHoursDto) friday?: DayHoursDto;
  @IsOptional() @ValidateNested() @Type(() => DayHoursDto) saturday?: DayHoursDto;
  @IsOptional() @ValidateNested() @Type(() => DayHoursDto) sunday?: DayHoursDto;
}

export class WorkingHoursDto {
  @IsOptional() @IsBoolean() enabled?: boolean;
  @IsOptional() @ValidateNested() @Type(() => ScheduleDto) schedule?: ScheduleDto;
}

export class AutoAssignmentDto {
  @IsOptional() @IsBoolean() enabled?: boolean;
  @IsOptional() @IsIn(['round_robin', 'least_busy']) type?: 'round_robin' | 'least_busy';
  @IsOptional() @IsBoolean() fallback_to_ai?: boolean;
}

export class NotificationSettingsDto {
  @IsOptional() @IsBoolean() email?: boolean;
  @IsOptional() @IsBoolean() desktop?: boolean;
  @IsOptional() @IsBoolean() sound?: boolean;
}

export class UpdateSettingsDto {
  @IsOptional() @Validate(IsTimeZone) timezone?: string;
  @IsOptional() @ValidateNested() @Type(() => WorkingHoursDto) working_hours?: WorkingHoursDto;
  @IsOptional() @ValidateNested() @Type(() => AutoAssignmentDto) auto_assignment?: AutoAssignmentDto;
  @IsOptional() @ValidateNested() @Type(() => NotificationSettingsDto) notifications?: NotificationSettingsDto;
  @IsOptional() @IsString() @MaxLength(1000) greeting_message?: string;
  @IsOptional() @IsString() @MaxLength(1000) away_message?: string;
  /** Quiet period after which open conversations resolve themselves; 0 turns it off. */
  @IsOptional() @IsInt() @Min(0) @Max(90 * 24 * 3600) auto_resolve_after_seconds?: number;
}
