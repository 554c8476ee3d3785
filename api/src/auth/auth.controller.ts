import { Body, Controller, Get, Header, HttpCode, Post, Put, Query, UseFilters, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../common/decorators/public.decorator.js';
import { CurrentUser } from '../common/decorators/current-user.decorator.js';
import type { AuthenticatedUser } from './auth.types.js';
import { AuthService } from './auth.service.js';
import { ApiKeyGuard } from './api-key.guard.js';
import { TokenThrottlerGuard } from './token-throttler.guard.js';
import { GoTrueValidationFilter } from './gotrue-error.js';
import { LogoutQuery, RecoverBody, RedirectQuery, SignupBody, TokenBody, TokenQuery, UpdateUserBody, VerifyBody } from './dto.js';

/** Supabase Auth (GoTrue) compatible endpoints: @supabase/supabase-js talks to these. */
@ApiTags('auth (Supabase-compatible)')
@UseGuards(ApiKeyGuard)
@UseFilters(GoTrueValidationFilter)
@Controller('auth/v1')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Get('health')
  health() {
    return { version: 'crosschat', name: 'GoTrue', description: 'CrossChat embedded auth (Supabase Auth compatible)' };
  }

  @Public()
  @Get('settings')
  settings() {
    return {
      external: { email: true, phone: false, anonymous_users: false },
      disable_signup: false,
      mailer_autoconfirm: true,
      phone_autoconfirm: false,
      sms_provider: '',
      saml_enabled: false,
    };
  }

  @Public()
  @Post('signup')
  @HttpCode(200)
  @Header('x-supabase-api-version', '2024-01-01')
  signup(@Body() body: SignupBody, @Query() _query: RedirectQuery) {
    return this.auth.signup(body.email, body.password, body.data);
  }

  @Public()
  @Post('token')
  @HttpCode(200)
  @UseGuards(TokenThrottlerGuard)
  @Header('x-supabase-api-version', '2024-01-01')
  token(@Query() query: TokenQuery, @Body() body: TokenBody) {
    return query.grant_type === 'password' ? this.auth.passwordGrant(body.email, body.password) : this.auth.refreshGrant(body.refresh_token);
  }

  @Get('user')
  @Header('x-supabase-api-version', '2024-01-01')
  user(@CurrentUser() user: AuthenticatedUser) {
    return this.auth.getUser(user.id);
  }

  @Put('user')
  @Header('x-supabase-api-version', '2024-01-01')
  updateUser(@CurrentUser() user: AuthenticatedUser, @Body() body: UpdateUserBody) {
    return this.auth.updateUser(user.id, body);
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentUser() user: AuthenticatedUser, @Query() query: LogoutQuery) {
    await this.auth.logout(user.id, user.session_id, query.scope ?? 'global');
  }

  @Public()
  @Post('recover')
  @HttpCode(200)
  @Header('x-supabase-api-version', '2024-01-01')
  async recover(@Body() body: RecoverBody, @Query() query: RedirectQuery) {
    await this.auth.recover(body.email, query.redirect_to);
    return {};
  }

  @Public()
  @Post('verify')
  @HttpCode(200)
  @Header('x-supabase-api-version', '2024-01-01')
  verify(@Body() body: VerifyBody) {
    return this.auth.verify(body.type, body.token_hash ?? body.token);
  }
}
