import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { ConversationSchema, TeamMemberSchema, type Conversation } from '@crosschat/core';
import { TenantAccessService, type Membership } from '../tenancy/tenant-access.service.js';
import { ConversationWorkflowService } from './conversation-workflow.service.js';
import { cursorTimestampSql, decodeCursor, pageOf, type Page } from '../common/pagination/cursor.js';
import type { ListConversationsQuery } from './dto/list-conversations.dto.js';
import type { UpdateConversationDto } from './dto/update-conversation.dto.js';

export interface ConversationListItem extends Conversation {
  customer: { id: string; name: string | null; email: string | null; phone: string | null; avatar_url: string | null };
  last_message_preview: string | null;
  last_message_sender_type: string | null;
}

export interface ConversationCounts {
  /** Open conversations per inbox tab. */
  open: { all: number; mine: number; unassigned: number };
  /** Open or pending conversations with unread customer messages, and those messages. */
  unread_conversations: number;
  unread_messages: number;
}

export interface ConversationInBusiness {
  conversation: Conversation;
  membership: Membership;
}

const ACTIVITY = 'coalesce(c.last_message_at, c.created_at)';

@Injectable()
export class ConversationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: TenantAccessService,
    private readonly workflows: ConversationWorkflowService,
  ) {}

  /** Loads a conversation the caller may see, or 404 (other tenants, deleted, not assigned to a limited agent). */
  async requireVisible(userId: string, conversationId: string): Promise<ConversationInBusiness> {
    const conversation = await this.em.findOne(ConversationSchema, { id: conversationId, deleted_at: null });
    if (!conversation) throw new NotFoundException('Conversation not found');
    const membership = await this.access.requireMember(userId, conversation.business_id).catch(() => {
      throw new NotFoundException('Conversation not found');
    });
    if (!this.access.canSeeConversation(membership, conversation)) throw new NotFoundException('Conversation not found');
    return { conversation, membership };
  }

  async list(userId: string, query: ListConversationsQuery): Promise<Page<ConversationListItem>> {
    const membership = await this.access.requireMember(userId, query.business_id);
    const me = membership.member.id;
    const where: string[] = ['c.business_id = ?', 'c.deleted_at is null'];
    const params: unknown[] = [query.business_id];
    const visibility = this.access.conversationVisibility(membership);
    if (visibility.condition) {
      where.push(visibility.condition);
      params.push(...visibility.params);
    }
    if (query.status === 'snoozed') {
      where.push(`c.status = 'pending' and c.snoozed_until > now()`);
    } else if (query.status) {
      where.push('c.status = ?');
      params.push(query.status);
    }
    if (query.assignee === 'mine') {
      where.push('c.assigned_to = ?');
      params.push(me);
    } else if (query.assignee === 'unassigned') {
      where.push('c.assigned_to is null');
    }
    if (query.platform) { where.push('c.platform = ?'); params.push(query.platform); }
    if (query.priority) { where.push('c.priority = ?'); params.push(query.priority); }
    if (query.tag) { where.push('? = any(c.tags)'); params.push(query.tag); }
    if (query.customer_id) { where.push('c.customer_id = ?'); params.push(query.customer_id); }
    if (query.q) {
      const like = `%${query.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      where.push(`(c.subject ilike ? or cu.name ilike ? or cu.email ilike ? or exists (
        select 1 from messages m where m.conversation_id = c.id and m.content ilike ?))`);
      params.push(like, like, like, like);
    }
    const cursor = decodeCursor(query.cursor);
    if (cursor) {
      where.push(`(${ACTIVITY}, c.id) < (?::timestamptz, ?::uuid)`);
      params.push(cursor.at, cursor.id);
    }
    const limit = query.limit ?? 30;
    params.push(limit + 1);
    const rows = await this.em.getConnection().execute<(ConversationListItem & { activity_at: string })[]>(
      `select c.*, ${cursorTimestampSql(ACTIVITY)} as activity_at,
              json_build_object('id', cu.id, 'name', cu.name, 'email', cu.email, 'phone', cu.phone, 'avatar_url', cu.avatar_url) as customer,
              lm.content as last_message_preview, lm.sender_type as last_message_sender_type
         from conversations c
         join customers cu on cu.id = c.customer_id
         left join lateral (
           select m.content, m.sender_type from messages m
            where m.conversation_id = c.id and not m.is_internal_note
            order by m.created_at desc limit 1
         ) lm on true
        where ${where.join(' and ')}
        order by ${ACTIVITY} desc, c.id desc
        limit ?`,
      params,
    );
    const page = pageOf(rows, limit, (row) => ({ at: row.activity_at, id: row.id }));
    return { ...page, data: page.data.map(({ activity_at: _, ...row }) => row as ConversationListItem) };
  }

  async counts(userId: string, businessId: string): Promise<ConversationCounts> {
    const membership = await this.access.requireMember(userId, businessId);
    const me = membership.member.id;
    const visibility = this.access.conversationVisibility(membership);
    const [row] = await this.em.getConnection().execute<{ open_all: string; mine: string; unassigned: string; unread_conversations: string; unread_messages: string }[]>(
      `select count(*) filter (where c.status = 'open') as open_all,
              count(*) filter (where c.status = 'open' and c.assigned_to = ?) as mine,
              count(*) filter (where c.status = 'open' and c.assigned_to is null) as unassigned,
              count(*) filter (where c.status in ('open', 'pending') and c.unread_count > 0) as unread_conversations,
              coalesce(sum(c.unread_count) filter (where c.status in ('open', 'pending')), 0) as unread_messages
         from conversations c
        where c.business_id = ? and c.deleted_at is null ${visibility.condition ? `and ${visibility.condition}` : ''}`,
      [me, businessId, ...visibility.params],
    );
    return {
      open: { all: Number(row!.open_all), mine: Number(row!.mine), unassigned: Number(row!.unassigned) },
      unread_conversations: Number(row!.unread_conversations),
      unread_messages: Number(row!.unread_messages),
    };
  }

  async update(userId: string, id: string, dto: UpdateConversationDto): Promise<Conversation> {
    const { conversation } = await this.requireVisible(userId, id);
    this.em.assign(conversation, dto);
    await this.em.flush();
    return conversation;
  }

  async assign(userId: string, id: string, assignedTo: string | null): Promise<Conversation> {
    const { conversation, membership } = await this.requireVisible(userId, id);
    const selfAssign = assignedTo === membership.member.id;
    if (!membership.permissions.conversations.assign && !selfAssign) {
      throw new NotFoundException('Conversation not found');
    }
    if (assignedTo) {
      const target = await this.em.findOne(TeamMemberSchema, { id: assignedTo, business_id: conversation.business_id, is_active: true });
      if (!target) throw new BadRequestException('assigned_to must be an active team member of this business');
    }
    conversation.assigned_to = assignedTo;
    conversation.assigned_type = assignedTo ? 'team_member' : 'unassigned';
    await this.em.flush();
    return conversation;
  }

  async setStatus(userId: string, id: string, status: Conversation['status'], snoozedUntil?: string): Promise<Conversation> {
    const { conversation, membership } = await this.requireVisible(userId, id);
    if ((status === 'resolved' || status === 'closed') && !membership.permissions.conversations.close) {
      throw new BadRequestException('You may not close conversations');
    }
    if (snoozedUntil && status !== 'pending') throw new BadRequestException('snoozed_until goes with status "pending"');
    if (snoozedUntil && Date.parse(snoozedUntil) <= Date.now()) throw new BadRequestException('snoozed_until must be in the future');
    const now = new Date();
    if ((status === 'resolved' || status === 'closed') && !conversation.resolved_at) {
      conversation.resolved_at = now;
      conversation.resolution_time = Math.round((now.getTime() - new Date(conversation.created_at).getTime()) / 1000);
    }
    if (status === 'open') conversation.resolved_at = null;
    conversation.status = status;
    conversation.snoozed_until = snoozedUntil ? new Date(snoozedUntil) : null;
    await this.em.flush();
    await this.workflows.statusChanged(conversation);
    return conversation;
  }

  async addTags(userId: string, id: string, tags: string[]): Promise<Conversation> {
    const { conversation } = await this.requireVisible(userId, id);
    const cleaned = tags.map((t) => t.trim().toLowerCase()).filter(Boolean);
    conversation.tags = [...new Set([...(conversation.tags ?? []), ...cleaned])];
    await this.em.flush();
    return conversation;
  }

  async removeTag(userId: string, id: string, tag: string): Promise<Conversation> {
    const { conversation } = await this.requireVisible(userId, id);
    conversation.tags = (conversation.tags ?? []).filter((t) => t !== tag.toLowerCase());
    await this.em.flush();
    return conversation;
  }

  /** Soft delete; only roles that may close conversations and see all of them. */
  async remove(userId: string, id: string): Promise<void> {
    const { conversation, membership } = await this.requireVisible(userId, id);
    if (!['owner', 'admin', 'manager'].includes(membership.member.role)) {
      throw new BadRequestException('Only owners, admins and managers may delete conversations');
    }
    conversation.deleted_at = new Date();
    await this.em.flush();
  }

  /** Resets the unread counter and stamps customer messages read. */
  async markRead(userId: string, id: string): Promise<Conversation> {
    const { conversation } = await this.requireVisible(userId, id);
    await this.em.getConnection().execute(
      `update messages set read_at = now() where conversation_id = ? and sender_type = 'customer' and read_at is null`,
      [conversation.id],
    );
    conversation.unread_count = 0;
    await this.em.flush();
    return conversation;
  }
}
