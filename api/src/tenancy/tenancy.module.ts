import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TenantAccessService } from './tenant-access.service.js';
import { RolesGuard } from '../common/guards/roles.guard.js';

/** Membership checks; RolesGuard runs after the JWT guard (registered later in AppModule). */
@Global()
@Module({ providers: [TenantAccessService, { provide: APP_GUARD, useClass: RolesGuard }], exports: [TenantAccessService] })
export class TenancyModule {}
