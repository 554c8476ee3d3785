import { PartialType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';

export class CreateCustomerDto {
  @IsUUID()
  business_id!: string;

  @IsOptional() @IsString() @MaxLength(255)
  name?: string;

  @IsOptional() @IsEmail() @MaxLength(255)
  email?: string;

  @IsOptional() @IsString() @MaxLength(50)
  phone?: string;

  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(50, { each: true })
  tags?: string[];

  @IsOptional() @IsString() @MaxLength(10000)
  notes?: string;
}

export class UpdateCustomerDto extends PartialType(PickType(CreateCustomerDto, ['name', 'email', 'phone', 'notes'] as const)) {}

export class ListCustomersQuery {
  @IsUUID()
  business_id!: string;

  @IsOptional() @IsString() @MaxLength(200)
  q?: string;

  @IsOptional() @IsString() @MaxLength(50)
  tag?: string;

  @IsOptional() @IsString() @MaxLength(500)
  cursor?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  limit?: number;
}

export class AddNoteDto {
  @IsString() @MinLength(1) @MaxLength(5000)
  text!: string;
}

export class CustomerTagsDto {
  @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(50, { each: true })
  tags!: string[];
}
