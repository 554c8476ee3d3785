import { SetMetadata } from '@nestjs/common';
import type { PermissionArea, Role } from '@crosschat/core';

export const ROLES_KEY = 'crosschat:roles';
export const PERMISSION_KEY = 'crosschat:permission';

/** The caller must hold one of these roles in the business of the route's `:id`/`:businessId`. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The caller's permissions (role defaults + member overrides) must grant this, e.g. `team.invite`. */
export const RequirePermission = (permission: `${PermissionArea}.${string}`) => SetMetadata(PERMISSION_KEY, permission);
