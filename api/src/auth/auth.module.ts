import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { TokenThrottlerGuard } from './token-throttler.guard.js';
import { JwtAuthGuard } from './jwt-auth.guard.js';
import { JwtStrategy, SupabaseJwtStrategy } from './jwt.strategy.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { TokenService } from './token.service.js';

@Module({
  imports: [PassportModule],
  controllers: [AuthController],
  providers: [AuthService, TokenService, TokenThrottlerGuard, JwtStrategy, SupabaseJwtStrategy, { provide: APP_GUARD, useClass: JwtAuthGuard }],
  exports: [AuthService, TokenService],
})
export class AuthModule {}
