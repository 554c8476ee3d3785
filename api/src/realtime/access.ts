import type { EntityManager } from '@mikro-orm/postgresql';
import { permissionsFor, type Role } from '@crosschat/core';
import type { Subscriber } from './subscriber.js';
import type { Change, Row } from './change.js';
import { UUID_PATTERN, type ConversationDirectory, type ConversationFacts } from './conversation-directory.js';

const BUSINESS_TOPIC = new RegExp(`^(?:business|presence|inbox):(${UUID_PATTERN})(?::[a-z0-9_:-]+)?$`, 'i');
const CONVERSATION_TOPIC = new RegExp(`^(?:conversation|typing):(${UUID_PATTERN})(?::[a-z0-9_:-]+)?$`, 'i');
const USER_TOPIC = new RegExp(`^(?:user|notifications):(${UUID_PATTERN})$`, 'i');
const MEMBERSHIP_TTL_MS = 15_000;
/** What a widget visitor may see of its own conversation and messages. */
const VISITOR_COLUMNS: Record<string, Set<string>> = {
  conversations: new Set(['id', 'business_id', 'status', 'platform', 'last_message_at', 'created_at', 'updated_at', 'satisfaction_rating']),
  messages: new Set(['id', 'conversation_id', 'business_id', 'sender_type', 'sender_name', 'content', 'content_type', 'attachments', 'platform', 'status', 'delivered_at', 'read_at', 'is_internal_note', 'created_at', 'updated_at']),
};

interface Membership { memberId: string; role: Role; viewAll: boolean }

export type JoinDecision = { ok: true } | { ok: false; reason: string };

/** The conversation a topic is about (`conversation:<id>`, `typing:<id>`), if any. */
export function conversationOfTopic(topic: string): string | null {
  return CONVERSATION_TOPIC.exec(topic.replace(/^realtime:/, ''))?.[1]?.toLowerCase() ?? null;
}

/**
 * Every realtime decision for one connection: which topics it may join and which row changes
 * reach it. Team members see their businesses' rows (members without `conversations.view_all`,
 * i.e. limited agents by default, only the conversations assigned to them, exactly as the REST
 * API); notifications only reach their user; a widget visitor only its own conversation and
 * its public messages.
 */
export class RealtimeAccess {
  private readonly memberships = new Map<string, { fact: Membership | null; at: number }>();

  constructor(private readonly em: EntityManager, private readonly conversations: ConversationDirectory, private subscriber: Subscriber) {}

  get who(): Subscriber {
    return this.subscriber;
  }

  get userId(): string | null {
    return this.subscriber.kind === 'user' ? this.subscriber.userId : null;
  }

  reauthenticate(subscriber: Subscriber): void {
    if (subscriber.kind !== this.subscriber.kind || this.userId !== (subscriber.kind === 'user' ? subscriber.userId : null)) this.memberships.clear();
    this.subscriber = subscriber;
  }

  forgetMemberships(): void {
    this.memberships.clear();
  }

  private async membership(businessId: unknown): Promise<Membership | null> {
    if (this.subscriber.kind !== 'user' || typeof businessId !== 'string') return null;
    const key = businessId.toLowerCase();
    const cached = this.memberships.get(key);
    if (cached && Date.now() - cached.at < MEMBERSHIP_TTL_MS) return cached.fact;
    const rows = await this.em.fork().getConnection().execute<{ id: string; role: Role; permissions: never }[]>(
      `select tm.id, tm.role, tm.permissions from team_members tm join businesses b on b.id = tm.business_id
        where tm.user_id = ? and tm.business_id = ? and tm.is_active and b.deleted_at is null`,
      [this.subscriber.userId, key],
    );
    const row = rows[0];
    const fact = row ? { memberId: row.id, role: row.role, viewAll: permissionsFor(row.role, row.permissions).conversations.view_all } : null;
    this.memberships.set(key, { fact, at: Date.now() });
    return fact;
  }

  private async seesConversation(conversationId: string, facts: ConversationFacts | null): Promise<boolean> {
    if (!facts) return false;
    if (this.subscriber.kind === 'visitor') {
      return this.subscriber.conversationId === conversationId && this.subscriber.businessId === facts.business_id;
    }
    const member = await this.membership(facts.business_id);
    return !!member && (member.viewAll || facts.assigned_to === member.memberId);
  }

  /** Topics are `realtime:<name>` and say what they belong to; anything else is refused. */
  async canJoin(topic: string): Promise<JoinDecision> {
    const name = topic.replace(/^realtime:/, '');
    const business = BUSINESS_TOPIC.exec(name);
    if (business) {
      return (await this.membership(business[1])) ? { ok: true } : { ok: false, reason: 'Unauthorized: you are not a member of this business' };
    }
    const conversationId = conversationOfTopic(name);
    if (conversationId) {
      const facts = await this.conversations.get(conversationId);
      return (await this.seesConversation(conversationId, facts)) ? { ok: true } : { ok: false, reason: 'Unauthorized: you cannot see this conversation' };
    }
    const user = USER_TOPIC.exec(name);
    if (user) {
      return this.userId === user[1]!.toLowerCase() ? { ok: true } : { ok: false, reason: 'Unauthorized: not your channel' };
    }
    return { ok: false, reason: `Unknown topic "${name}": use business:<id>, presence:<id>, conversation:<id>, typing:<id> or user:<id>` };
  }

  /** May this subscriber receive this row change? */
  async canReceive(change: Change): Promise<boolean> {
    const row: Row = change.record ?? change.old_keys ?? {};
    const visitor = this.subscriber.kind === 'visitor' ? this.subscriber : null;
    switch (change.table) {
      case 'notifications':
        return !!this.userId && change.user_id === this.userId;
      case 'team_members':
        if (!this.userId) return false;
        return change.user_id === this.userId || !!(await this.membership(change.business_id));
      case 'conversations': {
        if (!change.id || !change.business_id) return false;
        if (visitor) return change.id === visitor.conversationId && change.business_id === visitor.businessId;
        return this.seesConversation(change.id, { business_id: change.business_id, assigned_to: (row.assigned_to as string | null) ?? null });
      }
      case 'messages': {
        if (!change.conversation_id) return false;
        if (visitor && row.is_internal_note === true) return false;
        const facts = await this.conversations.get(change.conversation_id);
        // A message row naming another business than its conversation is never trusted.
        if (!facts || (change.business_id && change.business_id !== facts.business_id)) return false;
        return this.seesConversation(change.conversation_id, facts);
      }
      default:
        return false;
    }
  }

  /** The record as this subscriber may see it: visitors get no internal columns. */
  visibleRecord(table: string, record: Row | null): Row | null {
    if (this.subscriber.kind !== 'visitor' || !record) return record;
    const allowed = VISITOR_COLUMNS[table];
    if (!allowed) return null;
    return Object.fromEntries(Object.entries(record).filter(([column]) => allowed.has(column)));
  }
}
