import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { CONVERSATION_STATUSES, PRIORITIES } from '@crosschat/core';

export class UpdateConversationDto {
  @IsOptional() @IsString() @MaxLength(500)
  subject?: string;

  @IsOptional() @IsIn(PRIORITIES)
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

  /** With status "pending": snooze until this time, then reopen. */
  @IsOptional() @IsISO8601()
  snoozed_until?: string;
}

export class TagsDto {
  @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(50, { each: true })
  tags!: string[];
}
