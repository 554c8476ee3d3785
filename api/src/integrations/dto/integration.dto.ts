import { Type } from 'class-transformer';
import { IsBoolean, IsHexColor, IsIn, IsObject, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { IsOmittable, IsStorableText } from '../../common/dto/validation.js';

export class PreChatFormDto {
  @IsBoolean()
  enabled!: boolean;

  @IsOmittable() @IsBoolean()
  require_email?: boolean;
}

/**
 * A partial widget config, merged into the stored one. Absent fields stay; only the greeting
 * and away messages can be nulled (cleared), the rest the widget needs.
 */
export class WidgetConfigDto {
  @IsOmittable() @IsString() @MaxLength(100) @IsStorableText()
  title?: string;

  @IsOmittable() @IsString() @MaxLength(200) @IsStorableText()
  subtitle?: string;

  @IsOptional() @IsString() @MaxLength(1000) @IsStorableText()
  greeting_message?: string | null;

  @IsOptional() @IsString() @MaxLength(1000) @IsStorableText()
  away_message?: string | null;

  @IsOmittable() @IsHexColor()
  color?: string;

  @IsOmittable() @IsIn(['bottom-right', 'bottom-left'])
  position?: 'bottom-right' | 'bottom-left';

  @IsOmittable() @IsObject() @ValidateNested() @Type(() => PreChatFormDto)
  pre_chat_form?: PreChatFormDto;

  @IsOmittable() @IsBoolean()
  identity_verification?: boolean;
}

export class ConnectWidgetDto {
  @IsUUID()
  business_id!: string;

  /** Absent or null: "Website". */
  @IsOptional() @IsString() @MaxLength(255) @IsStorableText()
  name?: string | null;

  @IsOmittable() @IsObject() @ValidateNested() @Type(() => WidgetConfigDto)
  config?: WidgetConfigDto;
}

export class UpdateIntegrationDto {
  /** null clears the name. */
  @IsOptional() @IsString() @MaxLength(255) @IsStorableText()
  platform_account_name?: string | null;

  @IsOmittable() @IsBoolean()
  is_active?: boolean;

  @IsOmittable() @IsObject() @ValidateNested() @Type(() => WidgetConfigDto)
  config?: WidgetConfigDto;
}

export class ListIntegrationsQuery {
  @IsUUID()
  business_id!: string;
}
