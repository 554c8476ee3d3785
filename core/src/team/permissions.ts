import type { Role } from '../db/entities/team-member.js';

export interface Permissions {
  conversations: { view_all: boolean; view_assigned: boolean; reply: boolean; assign: boolean; close: boolean };
  customers: { view: boolean; edit: boolean; delete: boolean };
  team: { view: boolean; invite: boolean; edit: boolean; remove: boolean };
  settings: { view: boolean; edit: boolean };
  billing: { view: boolean; edit: boolean };
}
export type PermissionArea = keyof Permissions;

const all = <T extends Record<string, boolean>>(o: T, v: boolean): T =>
  Object.fromEntries(Object.keys(o).map((k) => [k, v])) as T;

/** The spec's column default (what an agent gets). */
const AGENT: Permissions = {
  conversations: { view_all: true, view_assigned: true, reply: true, assign: false, close: true },
  customers: { view: true, edit: true, delete: false },
  team: { view: true, invite: false, edit: false, remove: false },
  settings: { view: false, edit: false },
  billing: { view: false, edit: false },
};

const FULL: Permissions = {
  conversations: all(AGENT.conversations, true),
  customers: all(AGENT.customers, true),
  team: all(AGENT.team, true),
  settings: all(AGENT.settings, true),
  billing: all(AGENT.billing, true),
};

/** Default permissions per role; an owner or admin may override them per member. */
export const ROLE_PERMISSIONS: Record<Role, Permissions> = {
  owner: FULL,
  admin: { ...FULL, billing: { view: true, edit: false } },
  manager: {
    conversations: all(AGENT.conversations, true),
    customers: { view: true, edit: true, delete: true },
    team: { view: true, invite: true, edit: false, remove: false },
    settings: { view: true, edit: false },
    billing: { view: false, edit: false },
  },
  agent: AGENT,
  limited_agent: {
    ...AGENT,
    conversations: { view_all: false, view_assigned: true, reply: true, assign: false, close: true },
    customers: { view: true, edit: false, delete: false },
  },
};

/** Roles ordered by authority; a member may only grant roles below their own (owners may grant admin). */
export const ROLE_RANK: Record<Role, number> = { owner: 4, admin: 3, manager: 2, agent: 1, limited_agent: 0 };

export function permissionsFor(role: Role, overrides?: Partial<Permissions> | null): Permissions {
  const base = ROLE_PERMISSIONS[role];
  if (!overrides) return base;
  const out = { ...base } as Permissions;
  for (const area of Object.keys(base) as PermissionArea[]) {
    if (overrides[area]) out[area] = { ...base[area], ...overrides[area] } as never;
  }
  return out;
}

export function can(permissions: Permissions, permission: `${PermissionArea}.${string}`): boolean {
  const [area, action] = permission.split('.') as [PermissionArea, string];
  return Boolean((permissions[area] as Record<string, boolean> | undefined)?.[action]);
}
