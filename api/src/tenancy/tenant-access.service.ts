import { Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { permissionsFor, type Permissions, type TeamMember } from '@crosschat/core';

export interface Membership {
  member: TeamMember;
  permissions: Permissions;
}

/**
 * The one place that answers "may this user act in this business?". Anything of a business
 * the caller is not an active member of is reported as 404, so ids of other tenants never
 * leak through a 403.
 */
@Injectable()
export class TenantAccessService {
  constructor(private readonly em: EntityManager) {}

  async requireMember(userId: string, businessId: string): Promise<Membership> {
    const rows = await this.em.getConnection().execute<TeamMember[]>(
      `select tm.* from team_members tm join businesses b on b.id = tm.business_id
        where tm.user_id = ? and tm.business_id = ? and tm.is_active and b.deleted_at is null`,
      [userId, businessId],
    );
    const member = rows[0];
    if (!member) throw new NotFoundException('Business not found');
    return { member, permissions: permissionsFor(member.role, member.permissions) };
  }

  /**
   * canSeeConversation as SQL over a conversations alias: `and`-able condition and its
   * parameters, or no condition when the member sees every conversation of the business.
   */
  conversationVisibility(membership: Membership, alias = 'c'): { condition: string | null; params: unknown[] } {
    return membership.permissions.conversations.view_all
      ? { condition: null, params: [] }
      : { condition: `${alias}.assigned_to = ?`, params: [membership.member.id] };
  }

  /** Limited agents only see conversations assigned to them. */
  canSeeConversation(membership: Membership, conversation: { assigned_to?: string | null }): boolean {
    return membership.permissions.conversations.view_all || conversation.assigned_to === membership.member.id;
  }
}
