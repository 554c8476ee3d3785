import { IsIn, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsStorableJson, IsStorableText } from '../common/dto/validation.js';

// GoTrue validates its own payloads and answers in its own error shape, so these DTOs stay
// permissive (strings of sane length; null is read as absent, as supabase-js sends
// code_challenge: null outside PKCE); AuthService does the checks with GoTrue's messages.
// They only refuse what could not be stored: overlong strings, NUL characters, broken Unicode.
export class SignupBody {
  @IsOptional() @IsString() @MaxLength(255) @IsStorableText() email?: string;
  @IsOptional() @IsString() @MaxLength(1024) @IsStorableText() password?: string;
  @IsOptional() @IsObject() @IsStorableJson() data?: Record<string, unknown>;
  @IsOptional() @IsObject() @IsStorableJson() gotrue_meta_security?: Record<string, unknown>;
  @IsOptional() @IsString() @MaxLength(255) @IsStorableText() code_challenge?: string;
  @IsOptional() @IsString() @MaxLength(20) @IsStorableText() code_challenge_method?: string;
}

export class TokenBody {
  @IsOptional() @IsString() @MaxLength(255) @IsStorableText() email?: string;
  @IsOptional() @IsString() @MaxLength(1024) @IsStorableText() password?: string;
  @IsOptional() @IsString() @MaxLength(255) @IsStorableText() refresh_token?: string;
  @IsOptional() @IsObject() @IsStorableJson() gotrue_meta_security?: Record<string, unknown>;
}

export class TokenQuery {
  @IsIn(['password', 'refresh_token'], { message: 'grant_type must be password or refresh_token' })
  grant_type!: 'password' | 'refresh_token';
}

export class UpdateUserBody {
  @IsOptional() @IsString() @MaxLength(255) @IsStorableText() email?: string;
  @IsOptional() @IsString() @MaxLength(1024) @IsStorableText() password?: string;
  @IsOptional() @IsObject() @IsStorableJson() data?: Record<string, unknown>;
  @IsOptional() @IsString() @MaxLength(255) @IsStorableText() nonce?: string;
  @IsOptional() @IsString() @MaxLength(255) @IsStorableText() code_challenge?: string;
  @IsOptional() @IsString() @MaxLength(20) @IsStorableText() code_challenge_method?: string;
}

export class RecoverBody {
  @IsOptional() @IsString() @MaxLength(255) @IsStorableText() email?: string;
  @IsOptional() @IsObject() @IsStorableJson() gotrue_meta_security?: Record<string, unknown>;
  @IsOptional() @IsString() @MaxLength(255) @IsStorableText() code_challenge?: string;
  @IsOptional() @IsString() @MaxLength(20) @IsStorableText() code_challenge_method?: string;
}

export class VerifyBody {
  @IsOptional() @IsString() @MaxLength(50) @IsStorableText() type?: string;
  @IsOptional() @IsString() @MaxLength(255) @IsStorableText() token_hash?: string;
  @IsOptional() @IsString() @MaxLength(255) @IsStorableText() token?: string;
  @IsOptional() @IsString() @MaxLength(255) @IsStorableText() email?: string;
  @IsOptional() @IsObject() @IsStorableJson() gotrue_meta_security?: Record<string, unknown>;
}

export class LogoutQuery {
  @IsOptional() @IsIn(['global', 'local', 'others']) scope?: 'global' | 'local' | 'others';
}

export class RedirectQuery {
  @IsOptional() @IsString() @MaxLength(2000) @IsStorableText() redirect_to?: string;
}
