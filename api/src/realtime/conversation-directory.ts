import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Change } from './change.js';

export interface ConversationFacts {
  business_id: string;
  assigned_to: string | null;
}

export const UUID_PATTERN = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const UUID = new RegExp(`^${UUID_PATTERN}$`, 'i');
const TTL_MS = 30_000;
const MAX_ENTRIES = 20_000;

/**
 * Which business a conversation belongs to and who it is assigned to, for authorizing message
 * changes and conversation topics. Shared by every socket of this instance; kept fresh by the
 * conversation changes flowing through the listener (and a short TTL as a safety net).
 */
@Injectable()
export class ConversationDirectory {
  private readonly cache = new Map<string, { facts: ConversationFacts | null; at: number }>();

  constructor(private readonly em: EntityManager) {}

  async get(id: unknown): Promise<ConversationFacts | null> {
    if (typeof id !== 'string' || !UUID.test(id)) return null;
    const key = id.toLowerCase();
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.facts;
    const rows = await this.em.fork().getConnection().execute<ConversationFacts[]>(
      'select business_id, assigned_to from conversations where id = ? and deleted_at is null', [key]);
    const facts = rows[0] ? { business_id: rows[0].business_id, assigned_to: rows[0].assigned_to ?? null } : null;
    this.remember(key, facts);
    return facts;
  }

  /** Called for every change, in order, before it is delivered. */
  observe(change: Change): void {
    if (change.table !== 'conversations' || !change.id) return;
    const row = change.record;
    if (change.type === 'DELETE' || !row || row.deleted_at) return this.remember(change.id.toLowerCase(), null);
    this.remember(change.id.toLowerCase(), { business_id: String(row.business_id), assigned_to: (row.assigned_to as string | null) ?? null });
  }

  private remember(key: string, facts: ConversationFacts | null): void {
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
    this.cache.set(key, { facts, at: Date.now() });
  }
}
