import type { EntityManager } from '@mikro-orm/postgresql';
import { permissionsFor, type Role } from '@crosschat/core';
import type { Subscriber } from './subscriber.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const BUSINESS_TOPIC = new RegExp(`^(?:business|presence|inbox):(${UUID})(?::[a-z0-9_:-]+)?$`, 'i');
const CONVERSATION_TOPIC = new RegExp(`^(?:conversation|typing):(${UUID})(?::[a-z0-9_:-]+)?$`, 'i');
const USER_TOPIC = new RegExp(`^(?:user|notifications):(${UUID})$`, 'i');
const MEMBERSHIP_TTL_MS = 15_000;

interface MembershipFact { memberId: string; role: Role; viewAll: boolean; at: number }

export interface Change {
  schema: string;
  table: string;
  type: 'INSERT' | 'UPDATE' | 'DELETE';
  commit_timestamp: string;
  record: Record<string, unknown> | null;
  old_record: Record<string, unknown> | null;
}

/**
 * Every realtime decision: who may join which topic and which row changes reach whom.
 * Team members: only their businesses' rows (limited agents only their assigned
 * conversations); notifications only to their user; visitors only their own conversation's
 * public messages.
 */
export class RealtimeAccess {
  private readonly memberships = new Map<string, MembershipFact | null>();

  constructor(private readonly em: EntityManager, private subscriber: Subscriber) {}

  get who(): Subscriber {
    return this.subscriber;
  }

  reauthenticate(subscriber: Subscriber): void {
    this.subscriber = subscriber;
    this.memberships.clear();
  }

  forgetMemberships(): void {
    this.memberships.clear();
  }

  private async membership(businessId: string): Promise<MembershipFact | null> {
    if (this.subscriber.kind !== 'user') return null;
    const cached = this.memberships.get(businessId);
    if (cached !== undefined && (cached === null || Date.now() - cached.at < MEMBERSHIP_TTL_MS)) return cached;
    const rows = await this.em.fork().getConnection().execute<{ id: string; role: Role; permissions: never }[]>(
      `select tm.id, tm.role, tm.permissions from team_members tm join businesses b on b.id = tm.business_id
        where tm.user_id = ? and tm.business_id = ? and tm.is_active and b.deleted_at is null`,
      [this.subscriber.userId, businessId],
    );
    const row = rows[0];
    const fact = row ? { memberId: row.id, role: row.role, viewAll: permissionsFor(row.role, row.permissions).conversations.view_all, at: Date.now() } : null;
    this.memberships.set(businessId, fact);
    return fact;
  }

  private async conversation(id: string): Promise<{ business_id: string; assigned_to: string | null } | null> {
    const rows = await this.em.fork().getConnection().execute<{ business_id: string; assigned_to: string | null }[]>(
      'select business_id, assigned_to from conversations where id = ? and deleted_at is null', [id]);
    return rows[0] ?? null;
  }

  private async canSeeConversation(conversationId: string, known?: { business_id: string; assigned_to: string | null }): Promise<boolean> {
    if (this.subscriber.kind === 'visitor') return this.subscriber.conversationId === conversationId;
    const conversation = known ?? (await this.conversation(conversationId));
    if (!conversation) return false;
    const member = await this.membership(conversation.business_id);
    return !!member && (member.viewAll || conversation.assigned_to === member.memberId);
  }

  /** Topics are `realtime:<name>`; names say what they belong to. Unknown shapes are refused. */
  async canJoin(topic: string): Promise<{ ok: true } | { ok: false; reason: string }> {
    const name = topic.replace(/^realtime:/, '');
    const business = BUSINESS_TOPIC.exec(name);
    if (business) {
      return (await this.membership(business[1]!.toLowerCase())) ? { ok: true } : { ok: false, reason: 'You are not a member of this business' };
    }
    const conversation = CONVERSATION_TOPIC.exec(name);
    if (conversation) {
      return (await this.canSeeConversation(conversation[1]!.toLowerCase())) ? { ok: true } : { ok: false, reason: 'You cannot see this conversation' };
    }
    const user = USER_TOPIC.exec(name);
    if (user) {
      return this.subscriber.kind === 'user' && this.subscriber.userId === user[1]!.toLowerCase() ? { ok: true } : { ok: false, reason: 'Not your channel' };
    }
    return { ok: false, reason: `Unknown topic ${name}: use business:<id>, presence:<id>, conversation:<id>, typing:<id> or user:<id>` };
  }

  /** May this subscriber receive this row change? */
  async canReceive(change: Change): Promise<boolean> {
    const row = (change.record ?? change.old_record ?? {}) as Record<string, any>;
    switch (change.table) {
      case 'notifications':
        return this.subscriber.kind === 'user' && row.user_id === this.subscriber.userId;
      case 'team_members':
        return this.subscriber.kind === 'user' && !!(await this.membership(String(row.business_id)));
      case 'conversations':
        if (this.subscriber.kind === 'visitor') return row.id === this.subscriber.conversationId;
        return this.canSeeConversation(String(row.id), row.business_id ? { business_id: row.business_id, assigned_to: row.assigned_to ?? null } : undefined);
      case 'messages':
        if (this.subscriber.kind === 'visitor') return row.conversation_id === this.subscriber.conversationId && row.is_internal_note !== true;
        if (row.business_id && !(await this.membership(String(row.business_id)))) return false;
        return this.canSeeConversation(String(row.conversation_id));
      default:
        return false;
    }
  }
}
