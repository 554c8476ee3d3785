import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { CONVERSATION_PLATFORMS, CONVERSATION_STATUSES, PRIORITIES } from '@crosschat/core';
import { IsCursor, IsStorableText } from '../../common/dto/validation.js';

export const ASSIGNEE_FILTERS = ['all', 'mine', 'unassigned'] as const;

export class ConversationCountsQuery {
  @IsUUID()
  business_id!: string;
}

export class ListConversationsQuery {
  @IsUUID()
  business_id!: string;

  @ApiPropertyOptional({ enum: [...CONVERSATION_STATUSES, 'snoozed'] })
  @IsOptional() @IsIn([...CONVERSATION_STATUSES, 'snoozed'])
  status?: (typeof CONVERSATION_STATUSES)[number] | 'snoozed';

  @ApiPropertyOptional({ enum: ASSIGNEE_FILTERS })
  @IsOptional() @IsIn(ASSIGNEE_FILTERS)
  assignee?: (typeof ASSIGNEE_FILTERS)[number];

  @ApiPropertyOptional({ enum: CONVERSATION_PLATFORMS })
  @IsOptional() @IsIn(CONVERSATION_PLATFORMS)
  platform?: (typeof CONVERSATION_PLATFORMS)[number];

  @IsOptional() @IsString() @MaxLength(100) @IsStorableText()
  tag?: string;

  @ApiPropertyOptional({ enum: PRIORITIES })
  @IsOptional() @IsIn(PRIORITIES)
  priority?: (typeof PRIORITIES)[number];

  @ApiPropertyOptional({ description: 'Text search in subject, customer name/email and message content' })
  @IsOptional() @IsString() @MaxLength(200) @IsStorableText()
  q?: string;

  @IsOptional() @IsUUID()
  customer_id?: string;

  @IsOptional() @IsString() @MaxLength(500) @IsCursor()
  cursor?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  limit?: number;
}
