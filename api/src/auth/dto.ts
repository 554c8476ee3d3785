import { IsIn, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

// GoTrue validates its own payloads and answers in its own error shape, so these DTOs stay
// permissive (strings of sane length); AuthService does the checks with GoTrue's messages.
export class SignupBody {
  @IsOptional() @IsString() @MaxLength(255) email?: string;
  @IsOptional() @IsString() @MaxLength(1024) password?: string;
  @IsOptional() @IsObject() data?: Record<string, unknown>;
  @IsOptional() @IsObject() gotrue_meta_security?: Record<string, unknown>;
  @IsOptional() @IsString() code_challenge?: string;
  @IsOptional() @IsString() code_challenge_method?: string;
}

export class TokenBody {
  @IsOptional() @IsString() @MaxLength(255) email?: string;
  @IsOptional() @IsString() @MaxLength(1024) password?: string;
  @IsOptional() @IsString() @MaxLength(255) refresh_token?: string;
  @IsOptional() @IsObject() gotrue_meta_security?: Record<string, unknown>;
}

export class TokenQuery {
  @IsIn(['password', 'refresh_token'], { message: 'grant_type must be password or refresh_token' })
  grant_type!: 'password' | 'refresh_token';
}

export class UpdateUserBody {
  @IsOptional() @IsString() @MaxLength(255) email?: string;
  @IsOptional() @IsString() @MaxLength(1024) password?: string;
  @IsOptional() @IsObject() data?: Record<string, unknown>;
  @IsOptional() @IsString() nonce?: string;
  @IsOptional() @IsString() code_challenge?: string;
  @IsOptional() @IsString() code_challenge_method?: string;
}

export class RecoverBody {
  @IsOptional() @IsString() @MaxLength(255) email?: string;
  @IsOptional() @IsObject() gotrue_meta_security?: Record<string, unknown>;
  @IsOptional() @IsString() code_challenge?: string;
  @IsOptional() @IsString() code_challenge_method?: string;
}

export class VerifyBody {
  @IsOptional() @IsString() type?: string;
  @IsOptional() @IsString() @MaxLength(255) token_hash?: string;
  @IsOptional() @IsString() @MaxLength(255) token?: string;
  @IsOptional() @IsString() @MaxLength(255) email?: string;
  @IsOptional() @IsObject() gotrue_meta_security?: Record<string, unknown>;
}

export class LogoutQuery {
  @IsOptional() @IsIn(['global', 'local', 'others']) scope?: 'global' | 'local' | 'others';
}

export class RedirectQuery {
  @IsOptional() @IsString() @MaxLength(2000) redirect_to?: string;
}
