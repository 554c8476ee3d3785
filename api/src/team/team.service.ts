import { createHash, randomBytes } from 'node:crypto';
import {
  BadRequestException, ConflictException, ForbiddenException, GoneException, Inject, Injectable, Logger, NotFoundException, ServiceUnavailableException,
} from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  BusinessSchema, InvitationSchema, ROLE_RANK, TeamMemberSchema, UserSchema, can, mergeSettings, permissionsFor,
  type Invitation, type PermissionArea, type Permissions, type Role, type Settings, type TeamMember,
} from '@crosschat/core';
import { SETTINGS } from '../config/settings.module.js';
import { MailService } from '../mail/mail.service.js';
import type { Membership } from '../tenancy/tenant-access.service.js';
import type { InviteMemberDto, UpdateMemberDto } from './dto/team.dto.js';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
const roleName = (role: Role) => role.replace('_', ' ');
const withArticle = (word: string) => `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;

export interface MemberView extends TeamMember {
  user: { id: string; email: string; full_name: string | null; avatar_url: string | null; status: string };
}

@Injectable()
export class TeamService {
  private readonly logger = new Logger(TeamService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly mail: MailService,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async list(membership: Membership): Promise<MemberView[]> {
    return this.members(membership.member.business_id);
  }

  async get(membership: Membership, memberId: string): Promise<MemberView> {
    const [member] = await this.members(membership.member.business_id, memberId);
    if (!member) throw new NotFoundException('Team member not found');
    return member;
  }

  private members(businessId: string, memberId?: string): Promise<MemberView[]> {
    return this.em.execute<MemberView[]>(
      `select tm.*, json_build_object('id', u.id, 'email', u.email, 'full_name', u.full_name, 'avatar_url', u.avatar_url, 'status', u.status) as "user"
         from team_members tm join users u on u.id = tm.user_id
        where tm.business_id = ? ${memberId ? 'and tm.id = ?' : ''} order by tm.created_at, tm.id`,
      memberId ? [businessId, memberId] : [businessId]);
  }

  /**
   * Runs a change to a member of the caller's business in a transaction that holds the
   * business row's lock, so two concurrent demotions cannot both see "another owner is left".
   */
  private changeMember<T>(membership: Membership, memberId: string, change: (tx: EntityManager, target: TeamMember) => Promise<T>): Promise<T> {
    return this.em.transactional(async (tx) => {
      await tx.execute('select 1 from businesses where id = ? for update', [membership.member.business_id]);
      const target = await tx.findOne(TeamMemberSchema, { id: memberId, business_id: membership.member.business_id });
      if (!target) throw new NotFoundException('Team member not found');
      return change(tx, target);
    });
  }

  /** Nobody but an owner touches an owner. */
  private assertMayManage(membership: Membership, target: TeamMember): void {
    if (target.role === 'owner' && membership.member.role !== 'owner') throw new ForbiddenException('Only an owner can change or remove an owner');
  }

  /** Below owner, nobody hands out a permission they do not hold themselves. */
  private assertHoldsGranted(membership: Membership, overrides: Record<string, Record<string, boolean> | undefined>): void {
    if (membership.member.role === 'owner') return;
    for (const [area, actions] of Object.entries(overrides)) {
      for (const [action, allowed] of Object.entries(actions ?? {})) {
        if (allowed && !can(membership.permissions, `${area}.${action}` as `${PermissionArea}.${string}`)) {
          throw new ForbiddenException(`You cannot grant ${area}.${action}: you do not have it yourself`);
        }
      }
    }
  }

  /** The target may stop being an active owner only while another active owner remains. */
  private async assertNotLastOwner(tx: EntityManager, target: TeamMember): Promise<void> {
    if (target.role !== 'owner' || !target.is_active) return;
    const others = await tx.count(TeamMemberSchema, { business_id: target.business_id, role: 'owner', is_active: true, id: { $ne: target.id } });
    if (others === 0) throw new BadRequestException('A business needs at least one owner: make someone else owner first');
  }

  /** Below owner, members only invite (and revoke invitations) for roles below their own. */
  private assertMayGrant(membership: Membership, role: Role, verb: string): void {
    if (membership.member.role !== 'owner' && ROLE_RANK[role] >= ROLE_RANK[membership.member.role]) {
      throw new ForbiddenException(`As ${withArticle(roleName(membership.member.role))} you cannot ${verb} ${withArticle(roleName(role))}`);
    }
  }

  /**
   * Stores the invitation (only the token's hash) and mails the link, in one transaction:
   * when the mail cannot be sent nothing is stored, so asking again is never blocked by a
   * "pending" invitation nobody received.
   */
  async invite(membership: Membership, dto: InviteMemberDto, invitedBy: string): Promise<Invitation> {
    this.assertMayGrant(membership, dto.role, 'invite');
    const businessId = membership.member.business_id;
    const email = dto.email.toLowerCase();
    return this.em.transactional(async (tx) => {
      const existing = await tx.execute(
        `select 1 from team_members tm join users u on u.id = tm.user_id where tm.business_id = ? and lower(u.email) = ?`, [businessId, email]);
      if (existing.length) throw new ConflictException(`${email} is already a member of this business`);
      const pending = await tx.findOne(InvitationSchema, { business_id: businessId, email, accepted_at: null, revoked_at: null, expires_at: { $gt: new Date() } });
      if (pending) throw new ConflictException(`${email} already has a pending invitation`);
      // An expired, unanswered invitation gives way to the new one.
      await tx.nativeUpdate(InvitationSchema, { business_id: businessId, email, accepted_at: null, revoked_at: null }, { revoked_at: new Date() });
      const token = randomBytes(32).toString('base64url');
      const invitation = tx.create(InvitationSchema, {
        business_id: businessId, email, role: dto.role, token_hash: sha256(token), invited_by: invitedBy,
        expires_at: new Date(Date.now() + this.settings.invitationTtlSeconds * 1000),
        accepted_at: null, accepted_by: null, revoked_at: null,
      } as never);
      await tx.flush();
      const business = await tx.findOneOrFail(BusinessSchema, { id: businessId });
      const inviter = await tx.findOne(UserSchema, { id: invitedBy });
      await this.sendInvitation(email, {
        link: `${this.settings.webPublicUrl}/invitations/${token}`,
        who: inviter?.full_name || inviter?.email || 'A teammate',
        businessName: business.name,
        role: roleName(dto.role),
        until: invitation.expires_at.toUTCString(),
      });
      return invitation;
    });
  }

  private async sendInvitation(to: string, m: { link: string; who: string; businessName: string; role: string; until: string }): Promise<void> {
    const h = { who: escapeHtml(m.who), businessName: escapeHtml(m.businessName), link: escapeHtml(m.link) };
    try {
      await this.mail.send({
        to,
        subject: `${m.who} invited you to ${m.businessName} on CrossChat`,
        text: `${m.who} invited you to join ${m.businessName} on CrossChat as ${m.role}.\n\nAccept the invitation: ${m.link}\n\nThe link works until ${m.until}.`,
        html: `<p>${h.who} invited you to join <b>${h.businessName}</b> on CrossChat as ${m.role}.</p><p><a href="${h.link}">Accept the invitation</a></p><p>The link works until ${m.until}.</p>`,
      });
    } catch (error) {
      this.logger.error(`Invitation mail to ${to} failed: ${error instanceof Error ? error.message : String(error)}`);
      throw new ServiceUnavailableException('The invitation email could not be sent; nothing was saved, try again later');
    }
  }

  async pendingInvitations(membership: Membership): Promise<Invitation[]> {
    return this.em.find(InvitationSchema, { business_id: membership.member.business_id, accepted_at: null, revoked_at: null, expires_at: { $gt: new Date() } }, { orderBy: { created_at: 'desc' } });
  }

  async revokeInvitation(membership: Membership, invitationId: string): Promise<void> {
    const invitation = await this.em.findOne(InvitationSchema, { id: invitationId, business_id: membership.member.business_id, accepted_at: null, revoked_at: null });
    if (!invitation) throw new NotFoundException('Invitation not found');
    this.assertMayGrant(membership, invitation.role, 'withdraw the invitation of');
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
    if (!user.email || user.email.toLowerCase() !== invitation.email.toLowerCase()) {
      throw new ForbiddenException(`This invitation is for ${invitation.email}: sign in with that address`);
    }
    return this.em.transactional(async (tx) => {
      // Claim the invitation atomically: of two concurrent accepts only one gets the row.
      const claimed = await tx.nativeUpdate(InvitationSchema,
        { id: invitation.id, accepted_at: null, revoked_at: null, expires_at: { $gt: new Date() } },
        { accepted_at: new Date(), accepted_by: user.id });
      if (!claimed) throw new GoneException('This invitation is no longer open');
      let member = await tx.findOne(TeamMemberSchema, { business_id: invitation.business_id, user_id: user.id });
      if (!member) {
        member = tx.create(TeamMemberSchema, {
          business_id: invitation.business_id, user_id: user.id, role: invitation.role, permissions: permissionsFor(invitation.role),
          joined_at: new Date(), invited_at: invitation.created_at,
        } as never);
      } else {
        member.is_active = true;
      }
      await tx.flush();
      return { business_id: invitation.business_id, member };
    });
  }

  async update(membership: Membership, memberId: string, dto: UpdateMemberDto): Promise<TeamMember> {
    return this.changeMember(membership, memberId, async (tx, target) => {
      this.assertMayManage(membership, target);
      if (dto.is_active === false) await this.assertNotLastOwner(tx, target);
      if (dto.permissions) {
        this.assertHoldsGranted(membership, dto.permissions);
        // The DTO checked areas and actions; overrides stack on the member's current permissions.
        const current = permissionsFor(target.role, target.permissions);
        target.permissions = permissionsFor(target.role, mergeSettings(current as never, dto.permissions) as Permissions);
      }
      if (dto.department !== undefined) target.department = dto.department;
      if (dto.title !== undefined) target.title = dto.title;
      if (dto.is_active !== undefined) target.is_active = dto.is_active;
      await tx.flush();
      return target;
    });
  }

  async changeRole(membership: Membership, memberId: string, role: Role): Promise<TeamMember> {
    return this.changeMember(membership, memberId, async (tx, target) => {
      this.assertMayManage(membership, target);
      if (role === 'owner' && membership.member.role !== 'owner') throw new ForbiddenException('Only an owner can make someone owner');
      this.assertMayGrant(membership, role, 'make someone');
      if (role !== 'owner') await this.assertNotLastOwner(tx, target);
      target.role = role;
      target.permissions = permissionsFor(role);
      await tx.flush();
      return target;
    });
  }

  /** Removing others needs team.remove; anyone may leave, except the last owner. */
  async remove(membership: Membership, memberId: string): Promise<void> {
    await this.changeMember(membership, memberId, async (tx, target) => {
      if (target.id !== membership.member.id) {
        if (!membership.permissions.team.remove) throw new ForbiddenException('You may not remove team members');
        this.assertMayManage(membership, target);
      }
      await this.assertNotLastOwner(tx, target);
      await tx.remove(target).flush();
    });
  }
}
