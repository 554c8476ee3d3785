import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { IsCursor, IsOmittable, IsStorableText } from '../../common/dto/validation.js';

export class AttachmentDto {
  @IsString() @MaxLength(2000) @IsStorableText()
  url!: string;

  @IsString() @MaxLength(100) @IsStorableText()
  type!: string;

  @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER)
  size!: number;

  @IsString() @MaxLength(255) @IsStorableText()
  name!: string;
}

export class SendMessageDto {
  @IsUUID()
  conversation_id!: string;

  @IsString() @MinLength(1) @MaxLength(20000) @IsStorableText()
  content!: string;

  /** The optional fields may be omitted, not nulled. */
  @IsOmittable() @IsIn(['text', 'image', 'video', 'audio', 'file'])
  content_type?: 'text' | 'image' | 'video' | 'audio' | 'file';

  /** Internal notes stay inside the team: never delivered to the customer. */
  @IsOmittable() @IsBoolean()
  is_internal_note?: boolean;

  /** Team member ids mentioned in an internal note; each gets a notification. */
  @IsOmittable() @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true })
  mentions?: string[];

  @IsOmittable() @IsArray() @ArrayMaxSize(10) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => AttachmentDto)
  attachments?: AttachmentDto[];
}

export class UpdateMessageDto {
  @IsString() @MinLength(1) @MaxLength(20000) @IsStorableText()
  content!: string;
}

export class ListMessagesQuery {
  @IsOptional() @IsString() @MaxLength(500) @IsCursor()
  cursor?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  limit?: number;
}
