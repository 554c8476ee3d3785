import { CanActivate, ExecutionContext, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { can, type Role } from '@crosschat/core';
import { PERMISSION_KEY, ROLES_KEY } from '../decorators/roles.decorator.js';
import { TenantAccessService } from '../../tenancy/tenant-access.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * For routes under a business (`/businesses/:id/...`): non-members get 404 (another tenant's
 * ids never leak), members without the role or permission get 403.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, private readonly access: TenantAccessService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const permission = this.reflector.getAllAndOverride<string | undefined>(PERMISSION_KEY, targets);
    if (!roles && !permission) return true;
    const req = context.switchToHttp().getRequest();
    const businessId: unknown = req.params?.businessId ?? req.params?.id;
    if (typeof businessId !== 'string' || !UUID.test(businessId)) throw new NotFoundException('Business not found');
    if (!req.user?.id) return false;
    const membership = await this.access.requireMember(req.user.id, businessId);
    req.membership = membership;
    if (roles && !roles.includes(membership.member.role)) throw new ForbiddenException(`This needs the role ${roles.join(' or ')}`);
    if (permission && !can(membership.permissions, permission as never)) throw new ForbiddenException(`You do not have the ${permission} permission`);
    return true;
  }
}
