import { randomUUID } from 'node:crypto';
import { BadRequestException, ForbiddenException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { MessageSchema, NotificationSchema, TeamMemberSchema, UserSchema, type Message, type TeamMember } from '@crosschat/core';
import { ConversationsService } from '../conversations/conversations.service.js';
import { DeliveryService } from '../delivery/delivery.service.js';
import { ConversationWorkflowService } from '../conversations/conversation-workflow.service.js';
import { AttachmentsService } from '../attachments/attachments.service.js';
import { cursorTimestampSql, decodeCursor, pageOf, type Page } from '../common/pagination/cursor.js';
import type { SendMessageDto } from './dto/send-message.dto.js';

const MAX_PAGE = 100;

@Injectable()
export class MessagesService {
  private readonly logger = new Logger(MessagesService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly conversations: ConversationsService,
    private readonly delivery: DeliveryService,
    private readonly workflows: ConversationWorkflowService,
    private readonly attachments: AttachmentsService,
  ) {}

  /** Stored attachments carry their storage path; readers get a short-lived signed URL beside it. */
  withSignedUrls(message: Message): Message {
    if (!message.attachments?.length) return message;
    const attachments = message.attachments.map((a) => (a.url.startsWith('/attachments/')
      ? { ...a, signed_url: this.attachments.signedUrl(a.url.slice('/attachments/'.length), a.name, a.type) }
      : a));
    return { ...message, attachments } as Message;
  }

  /** Newest first by (created_at, id); each page is returned oldest → newest for display. */
  async list(userId: string, conversationId: string, rawCursor?: string, rawLimit?: number): Promise<Page<Message>> {
    await this.conversations.requireVisible(userId, conversationId);
    const cursor = decodeCursor(rawCursor);
    const limit = Math.min(rawLimit ?? 50, MAX_PAGE);
    const params: unknown[] = [conversationId];
    let keyset = '';
    if (cursor) {
      keyset = 'and (created_at, id) < (?::timestamptz, ?::uuid)';
      params.push(cursor.at, cursor.id);
    }
    params.push(limit + 1);
    const rows = await this.em.getConnection().execute<(Message & { cursor_at: string })[]>(
      `select *, ${cursorTimestampSql('created_at')} as cursor_at from messages where conversation_id = ? ${keyset} order by created_at desc, id desc limit ?`,
      params,
    );
    const page = pageOf(rows, limit, (m) => ({ at: m.cursor_at, id: m.id }));
    return { ...page, data: page.data.reverse().map(({ cursor_at: _, ...m }) => this.withSignedUrls(m as Message)) };
  }

  async get(userId: string, id: string): Promise<Message> {
    const message = await this.em.findOne(MessageSchema, { id });
    if (!message) throw new NotFoundException('Message not found');
    await this.conversations.requireVisible(userId, message.conversation_id).catch(() => {
      throw new NotFoundException('Message not found');
    });
    return message;
  }

  /**
   * An agent's reply is stored as `sending` and handed to its delivery workflow; an internal
   * note is stored as `sent` and notifies the mentioned teammates.
   */
  async send(userId: string, dto: SendMessageDto): Promise<Message> {
    const { conversation, membership } = await this.conversations.requireVisible(userId, dto.conversation_id);
    const isNote = dto.is_internal_note ?? false;
    if (!isNote && !membership.permissions.conversations.reply) throw new ForbiddenException('You may not reply to customers');
    if (!isNote && dto.mentions?.length) throw new BadRequestException('mentions are only for internal notes');
    for (const a of dto.attachments ?? []) {
      if (!a.url.startsWith(`/attachments/${conversation.business_id}/`)) throw new BadRequestException('attachments must be uploaded to this business first (POST /attachments)');
    }
    const mentioned = dto.mentions?.length ? await this.mentionedMembers(conversation.business_id, dto.mentions) : [];
    const author = await this.em.findOne(UserSchema, { id: userId });
    const message = this.em.create(MessageSchema, {
      id: randomUUID(),
      conversation_id: conversation.id,
      business_id: conversation.business_id,
      sender_type: 'agent',
      sender_id: userId,
      sender_name: author?.full_name ?? author?.email ?? null,
      content: dto.content,
      content_type: dto.content_type ?? 'text',
      attachments: dto.attachments ?? [],
      platform: conversation.platform,
      status: isNote ? 'sent' : 'sending',
      is_internal_note: isNote,
      metadata: dto.mentions?.length ? { mentions: dto.mentions } : {},
    } as never);
    const now = new Date();
    if (!isNote && conversation.first_response_time === null && conversation.last_customer_message_at) {
      conversation.first_response_time = Math.max(0, Math.round((now.getTime() - new Date(conversation.created_at).getTime()) / 1000));
    }
    if (mentioned.length) this.notifyMentions(message, mentioned, author?.full_name ?? author?.email ?? 'A teammate');
    await this.em.flush();
    if (!isNote) {
      await this.delivery.dispatch(message);
      await this.workflows.agentMessage(conversation, message);
    }
    return message;
  }

  async retry(userId: string, id: string): Promise<Message> {
    const message = await this.get(userId, id);
    if (message.status !== 'failed') throw new BadRequestException('Only failed messages can be retried');
    message.status = 'sending';
    await this.em.flush();
    await this.delivery.dispatch(message, { retry: true });
    return message;
  }

  /** Only internal notes can be edited, and only by their author. */
  async update(userId: string, id: string, content: string): Promise<Message> {
    const message = await this.get(userId, id);
    if (!message.is_internal_note || message.sender_id !== userId) throw new ForbiddenException('Only your own internal notes can be edited');
    message.content = content;
    message.metadata = { ...(message.metadata ?? {}), edited_at: new Date().toISOString() };
    await this.em.flush();
    return message;
  }

  async remove(userId: string, id: string): Promise<void> {
    const message = await this.get(userId, id);
    const { membership } = await this.conversations.requireVisible(userId, message.conversation_id);
    const isAuthorNote = message.is_internal_note && message.sender_id === userId;
    if (!isAuthorNote && !['owner', 'admin'].includes(membership.member.role)) {
      throw new ForbiddenException('Only the author of a note or an admin can delete a message');
    }
    await this.em.remove(message).flush();
  }

  async markRead(userId: string, id: string): Promise<Message> {
    const message = await this.get(userId, id);
    if (!message.read_at) {
      message.read_at = new Date();
      await this.em.flush();
    }
    return message;
  }

  private async mentionedMembers(businessId: string, memberIds: string[]): Promise<TeamMember[]> {
    const members = await this.em.find(TeamMemberSchema, { id: { $in: memberIds }, business_id: businessId, is_active: true });
    if (members.length !== new Set(memberIds).size) throw new BadRequestException('mentions must be active team members of this business');
    return members;
  }

  /** Queues one notification per mentioned teammate; flushed with the note itself. */
  private notifyMentions(message: Message, members: TeamMember[], authorName: string): void {
    for (const member of members) {
      this.em.create(NotificationSchema, {
        user_id: member.user_id,
        business_id: message.business_id,
        type: 'mention',
        title: `${authorName} mentioned you`,
        message: message.content.slice(0, 280),
        action_url: `/app/${message.business_id}/inbox/${message.conversation_id}`,
        action_label: 'Open conversation',
        metadata: { conversation_id: message.conversation_id, message_id: message.id },
      } as never);
    }
  }
}
