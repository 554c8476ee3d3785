import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';

export class AttachmentDto {
  @IsString() @MaxLength(2000)
  url!: string;

  @IsString() @MaxLength(100)
  type!: string;

  @IsInt() @Min(0)
  size!: number;

  @IsString() @MaxLength(255)
  name!: string;
}

export class SendMessageDto {
  @IsUUID()
  conversation_id!: string;

  @IsString() @MinLength(1) @MaxLength(20000)
  content!: string;

  @IsOptional() @IsIn(['text', 'image', 'video', 'audio', 'file'])
  content_type?: 'text' | 'image' | 'video' | 'audio' | 'file';

  /** Internal notes stay inside the team: never delivered to the customer. */
  @IsOptional() @IsBoolean()
  is_internal_note?: boolean;

  /** Team member ids mentioned in an internal note; each gets a notification. */
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true })
  mentions?: string[];

  @IsOptional() @IsArray() @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => AttachmentDto)
  attachments?: AttachmentDto[];
}

export class UpdateMessageDto {
  @IsString() @MinLength(1) @MaxLength(20000)
  content!: string;
}

export class ListMessagesQuery {
  @IsOptional() @IsString() @MaxLength(500)
  cursor?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  limit?: number;
}
