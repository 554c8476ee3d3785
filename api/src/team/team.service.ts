import { createHash, randomBytes } from 'node:crypto';
import { BadRequestException, ConflictException, ForbiddenException, GoneException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  BusinessSchema, InvitationSchema, ROLE_RANK, TeamMemberSchema, UserSchema, permissionsFor,
  type Invitation, type Permissions, type Role, type Settings, type TeamMember,
} from '@crosschat/core';
import { SETTINGS } from '../config/settings.module.js';
import { MailService } from '../mail/mail.service.js';
import type { Membership } from '../tenancy/tenant-access.service.js';
import type { InviteMemberDto, UpdateMemberDto } from './dto/team.dto.js';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const PERMISSION_AREAS = ['conversations', 'customers', 'team', 'settings', 'billing'];

export interface MemberView extends TeamMember {
  user: { id: string; email: string; full_name: string | null; avatar_url: string | null; status: string };
}

@Injectable()
export class TeamService {
  constructor(
    private readonly em: EntityManager,
    private readonly mail: MailService,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async list(membership: Membership): Promise<MemberView[]> {
    return this.em.getConnection().execute<MemberView[]>(
      `select tm.*, json_build_object('id', u.id, 'email', u.email, 'full_name', u.full_name, 'avatar_url', u.avatar_url, 'status', u.status) as "user"
         from team_members tm join users u on u.id = tm.user_id
        where tm.business_id = ? order by tm.created_at`, [membership.member.business_id]);
  }

  async get(membership: Membership, memberId: string): Promise<MemberView> {
    const member = (await this.list(membership)).find((m) => m.id === memberId);
    if (!member) throw new NotFoundException('Team member not found');
    return member;
  }

  private async target(membership: Membership, memberId: string): Promise<TeamMember> {
    const member = await this.em.findOne(TeamMemberSchema, { id: memberId, business_id: membership.member.business_id });
    if (!member) throw new NotFoundException('Team member not found');
    return member;
  }

  /** Nobody but an owner touches an owner; the last active owner can never be removed or demoted. */
  private async assertMayManage(membership: Membership, target: TeamMember): Promise<void> {
    if (target.role === 'owner' && membership.member.role !== 'owner') throw new ForbiddenException('Only an owner can change an owner');
  }

  private async assertNotLastOwner(target: TeamMember): Promise<void> {
    if (target.role !== 'owner') return;
    const owners = await this.em.count(TeamMemberSchema, { business_id: target.business_id, role: 'owner', is_active: true });
    if (owners <= 1) throw new BadRequestException('A business needs at least one owner: make someone else owner first');
  }

  async invite(membership: Membership, dto: InviteMemberDto, invitedBy: string): Promise<Invitation> {
    if (ROLE_RANK[dto.role] >= ROLE_RANK[membership.member.role] && membership.member.role !== 'owner') {
      throw new ForbiddenException(`A ${membership.member.role} cannot invite a ${dto.role}`);
    }
    const businessId = membership.member.business_id;
    const email = dto.email.trim().toLowerCase();
    const existing = await this.em.getConnection().execute(
      `select 1 from team_members tm join users u on u.id = tm.user_id where tm.business_id = ? and lower(u.email) = ?`, [businessId, email]);
    if (existing.length) throw new ConflictException(`${email} is already a member of this business`);
    const pending = await this.em.findOne(InvitationSchema, { business_id: businessId, email, accepted_at: null, revoked_at: null, expires_at: { $gt: new Date() } });
    if (pending) throw new ConflictException(`${email} already has a pending invitation`);
    // An expired, unanswered invitation gives way to the new one.
    await this.em.nativeUpdate(InvitationSchema, { business_id: businessId, email, accepted_at: null, revoked_at: null }, { revoked_at: new Date() });
    const token = randomBytes(32).toString('base64url');
    const invitation = this.em.create(InvitationSchema, {
      business_id: businessId, email, role: dto.role, token_hash: sha256(token), invited_by: invitedBy,
      expires_at: new Date(Date.now() + this.settings.invitationTtlSeconds * 1000),
    } as never);
    await this.em.flush();
    const business = await this.em.findOneOrFail(BusinessSchema, { id: businessId });
    const inviter = await this.em.findOne(UserSchema, { id: invitedBy });
    const link = `${this.settings.webPublicUrl}/invitations/${token}`;
    const who = inviter?.full_name ?? inviter?.email ?? 'A teammate';
    await this.mail.send({
      to: email,
      subject: `${who} invited you to ${business.name} on CrossChat`,
      text: `${who} invited you to join ${business.name} on CrossChat as ${dto.role.replace('_', ' ')}.\n\nAccept the invitation: ${link}\n\nThe link works until ${invitation.expires_at.toUTCString()}.`,
      html: `<p>${who} invited you to join <b>${business.name}</b> on CrossChat as ${dto.role.replace('_', ' ')}.</p><p><a href="${link}">Accept the invitation</a></p><p>The link works until ${invitation.expires_at.toUTCString()}.</p>`,
    });
    return invitation;
  }

  async pendingInvitations(membership: Membership): Promise<Invitation[]> {
    return this.em.find(InvitationSchema, { business_id: membership.member.business_id, accepted_at: null, revoked_at: null, expires_at: { $gt: new Date() } }, { orderBy: { created_at: 'desc' } });
  }

  async revokeInvitation(membership: Membership, invitationId: string): Promise<void> {
    const invitation = await this.em.findOne(InvitationSchema, { id: invitationId, business_id: membership.member.business_id, accepted_at: null, revoked_at: null });
    if (!invitation) throw new NotFoundException('Invitation not found');
    invitation.revoked_at = new Date();
    await this.em.flush();
  }

  private async invitationByToken(token: string): Promise<Invitation> {
    const invitation = await this.em.findOne(InvitationSchema, { token_hash: sha256(token) });
    if (!invitation) throw new NotFoundException('Invitation not found');
    const business = await this.em.findOne(BusinessSchema, { id: invitation.business_id, deleted_at: null });
    if (!business) throw new NotFoundException('Invitation not found');
    if (invitation.revoked_at) throw new GoneException('This invitation was withdrawn');
    if (invitation.accepted_at) throw new GoneException('This invitation was already accepted');
    if (invitation.expires_at.getTime() <= Date.now()) throw new GoneException('This invitation has expired: ask for a new one');
    return invitation;
  }

  async describeInvitation(token: string) {
    const invitation = await this.invitationByToken(token);
    const business = await this.em.findOneOrFail(BusinessSchema, { id: invitation.business_id });
    return { business_id: business.id, business_name: business.name, email: invitation.email, role: invitation.role, expires_at: invitation.expires_at };
  }

  async accept(token: string, user: { id: string; email: string | null }) {
    const invitation = await this.invitationByToken(token);
    if (!user.email || user.email.toLowerCase() !== invitation.email) {
      throw new ForbiddenException(`This invitation is for ${invitation.email}: sign in with that address`);
    }
    let member = await this.em.findOne(TeamMemberSchema, { business_id: invitation.business_id, user_id: user.id });
    if (!member) {
      member = this.em.create(TeamMemberSchema, {
        business_id: invitation.business_id, user_id: user.id, role: invitation.role, permissions: permissionsFor(invitation.role),
        joined_at: new Date(), invited_at: invitation.created_at,
      } as never);
    } else {
      member.is_active = true;
    }
    invitation.accepted_at = new Date();
    invitation.accepted_by = user.id;
    await this.em.flush();
    return { business_id: invitation.business_id, member };
  }

  async update(membership: Membership, memberId: string, dto: UpdateMemberDto): Promise<TeamMember> {
    const target = await this.target(membership, memberId);
    await this.assertMayManage(membership, target);
    if (dto.is_active === false) await this.assertNotLastOwner(target);
    if (dto.permissions) {
      for (const [area, actions] of Object.entries(dto.permissions)) {
        if (!PERMISSION_AREAS.includes(area) || typeof actions !== 'object' || Object.values(actions).some((v) => typeof v !== 'boolean')) {
          throw new BadRequestException(`permissions.${area} is not a permission area with true/false actions`);
        }
      }
      target.permissions = permissionsFor(target.role, dto.permissions as Partial<Permissions>);
    }
    if (dto.department !== undefined) target.department = dto.department;
    if (dto.title !== undefined) target.title = dto.title;
    if (dto.is_active !== undefined) target.is_active = dto.is_active;
    await this.em.flush();
    return target;
  }

  async changeRole(membership: Membership, memberId: string, role: Role): Promise<TeamMember> {
    const target = await this.target(membership, memberId);
    await this.assertMayManage(membership, target);
    if (role === 'owner' && membership.member.role !== 'owner') throw new ForbiddenException('Only an owner can make someone owner');
    if (membership.member.role !== 'owner' && ROLE_RANK[role] >= ROLE_RANK[membership.member.role]) {
      throw new ForbiddenException(`A ${membership.member.role} cannot grant the ${role} role`);
    }
    if (target.role === 'owner' && role !== 'owner') await this.assertNotLastOwner(target);
    target.role = role;
    target.permissions = permissionsFor(role);
    await this.em.flush();
    return target;
  }

  async remove(membership: Membership, memberId: string): Promise<void> {
    const target = await this.target(membership, memberId);
    const leaving = target.id === membership.member.id;
    if (!leaving) {
      if (!membership.permissions.team.remove) throw new ForbiddenException('You may not remove team members');
      await this.assertMayManage(membership, target);
    }
    await this.assertNotLastOwner(target);
    await this.em.remove(target).flush();
  }
}
