import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Membership } from '../../tenancy/tenant-access.service.js';

/** The caller's membership in the route's business, resolved by RolesGuard. */
export const CurrentMembership = createParamDecorator((_: unknown, ctx: ExecutionContext): Membership => {
  return ctx.switchToHttp().getRequest().membership;
});
