import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min, MinLength,
  Validate, ValidateIf, ValidateNested, ValidatorConstraint, type ValidationArguments, type ValidatorConstraintInterface,
} from 'class-validator';
import { IsEmailAddress, IsOmittable, IsStorableText } from '../../common/dto/validation.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** A blank optional contact field clears it: stored as null. */
const blankToNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);

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
export const TEAM_SIZES = ['1', '2-5', '6-20', '21-50', '51-200', '200+'] as const;

export class CreateBusinessDto {
  @ApiProperty({ minLength: 2, maxLength: 255, example: 'Acme Support' })
  @Transform(trim) @IsString() @MinLength(2) @MaxLength(255) @IsStorableText()
  name!: string;

  @ApiPropertyOptional({ pattern: SLUG_PATTERN.source, description: 'Generated from the name when absent', example: 'acme-support' })
  @IsOmittable() @Matches(SLUG_PATTERN, { message: 'slug must be 3–100 lowercase letters, digits or dashes, not starting or ending with a dash' })
  slug?: string;

  @ApiPropertyOptional({ format: 'email' })
  @IsOptional() @Transform(trim) @IsEmailAddress() @MaxLength(255)
  email?: string;

  @ApiPropertyOptional({ maxLength: 50 })
  @IsOptional() @Transform(trim) @IsString() @MaxLength(50) @IsStorableText()
  phone?: string;

  @ApiPropertyOptional({ example: 'acme.example' })
  @IsOptional() @Transform(trim) @IsUrl({ require_protocol: false }) @MaxLength(255)
  website?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'Stored in metadata.industry' })
  @IsOptional() @Transform(trim) @IsString() @MaxLength(100) @IsStorableText()
  industry?: string;

  @ApiPropertyOptional({ enum: TEAM_SIZES, description: 'Stored in metadata.team_size' })
  @IsOptional() @IsIn(TEAM_SIZES)
  team_size?: (typeof TEAM_SIZES)[number];

  @ApiPropertyOptional({ example: 'Europe/Berlin', description: 'IANA time zone; defaults to UTC' })
  @IsOmittable() @Validate(IsTimeZone)
  timezone?: string;
}

/** The profile fields: absent ones stay, null or "" clears a contact field; the name cannot be cleared. */
export class UpdateBusinessDto {
  @ApiPropertyOptional({ minLength: 2, maxLength: 255 })
  @ValidateIf((_, value) => value !== undefined) @Transform(trim) @IsString() @MinLength(2) @MaxLength(255) @IsStorableText()
  name?: string;

  @ApiPropertyOptional({ format: 'email', nullable: true })
  @Transform(blankToNull) @IsOptional() @IsEmailAddress() @MaxLength(255)
  email?: string | null;

  @ApiPropertyOptional({ maxLength: 50, nullable: true })
  @Transform(blankToNull) @IsOptional() @IsString() @MaxLength(50) @IsStorableText()
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'acme.example' })
  @Transform(blankToNull) @IsOptional() @IsUrl({ require_protocol: false }) @MaxLength(255)
  website?: string | null;
}

const HHMM = /^(?:[01]\d|2[0-3]):[0-5]\d$|^closed$/;

/** A day is either closed at both ends or open from start to a later end. */
@ValidatorConstraint({ name: 'dayHours' })
export class IsConsistentDay implements ValidatorConstraintInterface {
  validate(end: unknown, args: ValidationArguments): boolean {
    const { start } = args.object as { start?: unknown };
    if (typeof start !== 'string' || typeof end !== 'string' || !HHMM.test(start) || !HHMM.test(end)) return true; // @Matches reports those
    if (start === 'closed' || end === 'closed') return start === end;
    return end > start;
  }
  defaultMessage(): string {
    return 'end must be after start, or both must be "closed"';
  }
}

export class DayHoursDto {
  @ApiProperty({ example: '09:00', description: 'HH:MM or "closed"' })
  @Matches(HHMM, { message: 'start must be HH:MM or "closed"' }) start!: string;

  @ApiProperty({ example: '17:00', description: 'HH:MM or "closed"' })
  @Matches(HHMM, { message: 'end must be HH:MM or "closed"' }) @Validate(IsConsistentDay) end!: string;
}

export class ScheduleDto {
  @ApiPropertyOptional({ type: DayHoursDto }) @IsOmittable() @IsObject() @ValidateNested() @Type(() => DayHoursDto) monday?: DayHoursDto;
  @ApiPropertyOptional({ type: DayHoursDto }) @IsOmittable() @IsObject() @ValidateNested() @Type(() => DayHoursDto) tuesday?: DayHoursDto;
  @ApiPropertyOptional({ type: DayHoursDto }) @IsOmittable() @IsObject() @ValidateNested() @Type(() => DayHoursDto) wednesday?: DayHoursDto;
  @ApiPropertyOptional({ type: DayHoursDto }) @IsOmittable() @IsObject() @ValidateNested() @Type(() => DayHoursDto) thursday?: DayHoursDto;
  @ApiPropertyOptional({ type: DayHoursDto }) @IsOmittable() @IsObject() @ValidateNested() @Type(() => DayHoursDto) friday?: DayHoursDto;
  @ApiPropertyOptional({ type: DayHoursDto }) @IsOmittable() @IsObject() @ValidateNested() @Type(() => DayHoursDto) saturday?: DayHoursDto;
  @ApiPropertyOptional({ type: DayHoursDto }) @IsOmittable() @IsObject() @ValidateNested() @Type(() => DayHoursDto) sunday?: DayHoursDto;
}

export class WorkingHoursDto {
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() enabled?: boolean;
  @ApiPropertyOptional({ type: ScheduleDto }) @IsOmittable() @IsObject() @ValidateNested() @Type(() => ScheduleDto) schedule?: ScheduleDto;
}

export class AutoAssignmentDto {
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() enabled?: boolean;
  @ApiPropertyOptional({ enum: ['round_robin', 'least_busy'] }) @IsOmittable() @IsIn(['round_robin', 'least_busy']) type?: 'round_robin' | 'least_busy';
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() fallback_to_ai?: boolean;
}

export class NotificationSettingsDto {
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() email?: boolean;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() desktop?: boolean;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() sound?: boolean;
}

/** A partial settings patch, deep-merged into the stored settings. Absent fields stay; only the messages can be nulled. */
export class UpdateSettingsDto {
  @ApiPropertyOptional({ example: 'Europe/Berlin' }) @IsOmittable() @Validate(IsTimeZone) timezone?: string;
  @ApiPropertyOptional({ type: WorkingHoursDto }) @IsOmittable() @IsObject() @ValidateNested() @Type(() => WorkingHoursDto) working_hours?: WorkingHoursDto;
  @ApiPropertyOptional({ type: AutoAssignmentDto }) @IsOmittable() @IsObject() @ValidateNested() @Type(() => AutoAssignmentDto) auto_assignment?: AutoAssignmentDto;
  @ApiPropertyOptional({ type: NotificationSettingsDto }) @IsOmittable() @IsObject() @ValidateNested() @Type(() => NotificationSettingsDto) notifications?: NotificationSettingsDto;
  /** null clears them (the channel's or the built-in texts apply). */
  @ApiPropertyOptional({ maxLength: 1000, nullable: true }) @IsOptional() @IsString() @MaxLength(1000) @IsStorableText() greeting_message?: string | null;
  @ApiPropertyOptional({ maxLength: 1000, nullable: true }) @IsOptional() @IsString() @MaxLength(1000) @IsStorableText() away_message?: string | null;
  /** Quiet period after which open conversations resolve themselves; 0 turns it off. */
  @ApiPropertyOptional({ minimum: 0, maximum: 90 * 24 * 3600, description: 'Seconds of quiet before an open conversation resolves itself; 0 turns it off' })
  @IsOmittable() @IsInt() @Min(0) @Max(90 * 24 * 3600) auto_resolve_after_seconds?: number;
}
