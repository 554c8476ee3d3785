import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { CONVERSATION_STATUSES, PRIORITIES } from '@crosschat/core';
import { IsOmittable, IsStorableText } from '../../common/dto/validation.js';

/** Absent fields stay; null clears the subject; the priority cannot be nulled. */
export class UpdateConversationDto {
  @IsOptional() @IsString() @MaxLength(500) @IsStorableText()
  subject?: string | null;

  @IsOmittable() @IsIn(PRIORITIES)
  priority?: (typeof PRIORITIES)[number];
}

export class AssignConversationDto {
  /** A team member id of the same business, or null to unassign. */
  @ValidateIf((_, v) => v !== null) @IsUUID()
  assigned_to!: string | null;
}

export class UpdateStatusDto {
  @IsIn(CONVERSATION_STATUSES)
  status!: (typeof CONVERSATION_STATUSES)[number];

  /** With status "pending": snooze until this time, then reopen. Absent or null: not snoozed. */
  @IsOptional() @IsISO8601()
  snoozed_until?: string;
}

export class TagsDto {
  @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(50, { each: true }) @IsStorableText({ each: true })
  tags!: string[];
}
