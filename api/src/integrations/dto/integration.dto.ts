import { Type } from 'class-transformer';
import { IsBoolean, IsHexColor, IsIn, IsObject, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';

export class PreChatFormDto {
  @IsBoolean()
  enabled!: boolean;

  @IsOptional() @IsBoolean()
  require_email?: boolean;
}

export class WidgetConfigDto {
  @IsOptional() @IsString() @MaxLength(100)
  title?: string;

  @IsOptional() @IsString() @MaxLength(200)
  subtitle?: string;

  @IsOptional() @IsString() @MaxLength(1000)
  greeting_message?: string;

  @IsOptional() @IsString() @MaxLength(1000)
  away_message?: string;

  @IsOptional() @IsHexColor()
  color?: string;

  @IsOptional() @IsIn(['bottom-right', 'bottom-left'])
  position?: 'bottom-right' | 'bottom-left';

  @IsOptional() @ValidateNested() @Type(() => PreChatFormDto)
  pre_chat_form?: PreChatFormDto;

  @IsOptional() @IsBoolean()
  identity_verification?: boolean;
}

export class ConnectWidgetDto {
  @IsUUID()
  business_id!: string;

  @IsOptional() @IsString() @MaxLength(255)
  name?: string;

  @IsOptional() @ValidateNested() @Type(() => WidgetConfigDto)
  config?: WidgetConfigDto;
}

export class UpdateIntegrationDto {
  @IsOptional() @IsString() @MaxLength(255)
  platform_account_name?: string;

  @IsOptional() @IsBoolean()
  is_active?: boolean;

  @IsOptional() @IsObject() @ValidateNested() @Type(() => WidgetConfigDto)
  config?: WidgetConfigDto;
}

export class ListIntegrationsQuery {
  @IsUUID()
  business_id!: string;
}
