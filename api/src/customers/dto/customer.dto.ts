import { PartialType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsCursor, IsEmailAddress, IsOmittable, IsStorableText } from '../../common/dto/validation.js';

/** The contact fields may be null (none, or cleared on update); tags may be omitted, not nulled. */
export class CreateCustomerDto {
  @IsUUID()
  business_id!: string;

  @IsOptional() @IsString() @MaxLength(255) @IsStorableText()
  name?: string | null;

  @IsOptional() @IsEmailAddress() @MaxLength(255)
  email?: string | null;

  @IsOptional() @IsString() @MaxLength(50) @IsStorableText()
  phone?: string | null;

  @IsOmittable() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(50, { each: true }) @IsStorableText({ each: true })
  tags?: string[];

  @IsOptional() @IsString() @MaxLength(10000) @IsStorableText()
  notes?: string | null;
}

export class UpdateCustomerDto extends PartialType(PickType(CreateCustomerDto, ['name', 'email', 'phone', 'notes'] as const)) {}

export class ListCustomersQuery {
  @IsUUID()
  business_id!: string;

  @IsOptional() @IsString() @MaxLength(200) @IsStorableText()
  q?: string;

  @IsOptional() @IsString() @MaxLength(50) @IsStorableText()
  tag?: string;

  @IsOptional() @IsString() @MaxLength(500) @IsCursor()
  cursor?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  limit?: number;
}

export class CustomerTagsInUseQuery {
  @IsUUID()
  business_id!: string;
}

export class AddNoteDto {
  @IsString() @MinLength(1) @MaxLength(5000) @IsStorableText()
  text!: string;
}

export class CustomerTagsDto {
  @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(50, { each: true }) @IsStorableText({ each: true })
  tags!: string[];
}
