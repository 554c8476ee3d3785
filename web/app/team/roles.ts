import type { Role } from '../lib/types';

/** Who may manage the team (invite, change roles, remove). Mirrors the API's rules. */
export const canManageTeam = (role: Role): boolean => role === 'owner' || role === 'admin';

/** Roles `actor` may hand out: owners any, admins only roles below their own. */
export function grantableRoles(actor: Role, forInvite = false): Role[] {
  if (actor === 'owner') return forInvite ? ['admin', 'manager', 'agent', 'limited_agent'] : ['owner', 'admin', 'manager', 'agent', 'limited_agent'];
  if (actor === 'admin') return ['manager', 'agent', 'limited_agent'];
  return [];
}

export const ROLE_HELP: Record<Role, string> = {
  owner: 'Everything, including billing and deleting the business',
  admin: 'Manage team, channels and settings',
  manager: 'All conversations, assignment and reports',
  agent: 'Answer and assign conversations',
  limited_agent: 'Only conversations assigned to them',
};

export const ROLE_COLOR: Record<Role, 'indigo' | 'violet' | 'cyan' | 'gray' | 'orange'> = {
  owner: 'indigo', admin: 'violet', manager: 'cyan', agent: 'gray', limited_agent: 'orange',
};
