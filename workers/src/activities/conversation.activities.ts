import type { MikroORM } from '@mikro-orm/postgresql';
import { ConversationSchema, MessageSchema, isWithinWorkingHours, type BusinessSettings } from '@crosschat/core';

export const DEFAULT_AWAY_MESSAGE = "Thanks for your message! We're away right now and will reply as soon as we're back.";
/** Do not repeat the away message to the same conversation within this window. */
const AWAY_REPEAT_MS = 12 * 3600 * 1000;

interface AutoReplyConfig {
  greeting: string | null;
  away: string;
}

interface AutoReplyFacts {
  conversation_id: string;
  business_id: string;
  platform: string;
  business_exists: boolean;
  settings: BusinessSettings | null;
  channel_config: { greeting_message?: string | null; away_message?: string | null } | null;
  /** When each kind of automatic reply (`metadata.auto`) was last sent in this conversation. */
  last_auto: Record<string, string> | null;
}

/**
 * Everything sendAutomaticReplies reads, in one query (it runs for every customer message): the
 * conversation (not deleted), its business's settings, the active integration of its platform
 * and the automatic replies it already got.
 */
const AUTO_REPLY_FACTS = `
select cv.id as conversation_id, cv.business_id, cv.platform, b.id is not null as business_exists, b.settings,
       pi.config as channel_config,
       (select jsonb_object_agg(a.auto, a.created_at)
          from (select metadata ->> 'auto' as auto, max(created_at) as created_at from messages
                 where conversation_id = cv.id and metadata ->> 'auto' is not null group by 1) a) as last_auto
  from conversations cv
  left join businesses b on b.id = cv.business_id
  left join lateral (select config from platform_integrations
                      where business_id = cv.business_id and platform = cv.platform and is_active limit 1) pi on true
 where cv.id = ? and cv.deleted_at is null`;

function autoReplyConfig(facts: AutoReplyFacts): AutoReplyConfig {
  const channel = facts.channel_config ?? {};
  const fromSettings = (facts.settings ?? {}) as { greeting_message?: string | null; away_message?: string | null };
  return {
    greeting: channel.greeting_message || fromSettings.greeting_message || null,
    away: channel.away_message || fromSettings.away_message || DEFAULT_AWAY_MESSAGE,
  };
}

/**
 * How long the workflow may skip asking for automatic replies: a short window in which nothing
 * can become due (greeted, and the same side of working hours at both ends with no away
 * message pending), so a burst of customer messages costs one activity, not one each. Kept
 * short because settings edits are only seen on the next ask.
 */
export const QUIET_WINDOW_MS = 5 * 60_000;

export function quietUntil(now: Date, greeted: boolean, settings: BusinessSettings | null, lastAway: Date | undefined): string | null {
  if (!greeted) return null;
  const end = new Date(now.getTime() + QUIET_WINDOW_MS);
  const openNow = isWithinWorkingHours(settings, now);
  if (openNow !== isWithinWorkingHours(settings, end)) return null;
  if (!openNow && (!lastAway || end.getTime() - lastAway.getTime() > AWAY_REPEAT_MS)) return null;
  return end.toISOString();
}

export function createConversationActivities(orm: MikroORM) {
  const insertSystemMessage = async (conversationId: string, content: string, auto: string) => {
    const em = orm.em.fork();
    const conversation = await em.findOneOrFail(ConversationSchema, { id: conversationId });
    em.create(MessageSchema, {
      conversation_id: conversation.id,
      business_id: conversation.business_id,
      sender_type: 'system',
      sender_name: null,
      content,
      content_type: 'text',
      attachments: [],
      platform: conversation.platform,
      status: 'sent',
      is_internal_note: false,
      metadata: { auto },
    } as never);
    await em.flush();
  };

  return {
    /**
     * The greeting (once per conversation) and, outside working hours, the away message (at
     * most once per 12 h), from the channel's config or the business settings.
     */
    async sendAutomaticReplies(input: { conversationId: string; greeted: boolean }): Promise<{ greeted: boolean; sent: string[]; quietUntil: string | null }> {
      const [facts] = await orm.em.getConnection().execute<AutoReplyFacts[]>(AUTO_REPLY_FACTS, [input.conversationId]);
      if (!facts) return { greeted: input.greeted, sent: [], quietUntil: null };
      if (!facts.business_exists) throw new Error(`Business ${facts.business_id} of conversation ${facts.conversation_id} not found`);
      const config = autoReplyConfig(facts);
      const settings = facts.settings ?? null;
      const last = new Map(Object.entries(facts.last_auto ?? {}).map(([auto, at]) => [auto, new Date(at)]));
      const sent: string[] = [];
      let greeted = input.greeted || last.has('greeting');
      if (!greeted && config.greeting) {
        await insertSystemMessage(facts.conversation_id, config.greeting, 'greeting');
        sent.push('greeting');
        greeted = true;
      }
      const now = new Date();
      let lastAway = last.get('away');
      if (!isWithinWorkingHours(settings, now) && (!lastAway || now.getTime() - lastAway.getTime() > AWAY_REPEAT_MS)) {
        await insertSystemMessage(facts.conversation_id, config.away, 'away');
        sent.push('away');
        lastAway = now;
      }
      return { greeted, sent, quietUntil: quietUntil(now, greeted || !config.greeting, settings, lastAway) };
    },

    /** Resolves the conversation if nothing happened in it since `inactiveSince`. */
    async autoResolveConversation(input: { conversationId: string; inactiveSince: string }): Promise<boolean> {
      const rows = await orm.em.getConnection().execute<{ id: string }[]>(
        `update conversations set status = 'resolved', resolved_at = now(),
                resolution_time = extract(epoch from now() - created_at)::int
          where id = ? and status = 'open' and deleted_at is null
            and coalesce(last_message_at, created_at) <= ?::timestamptz + interval '1 second'
          returning id`,
        [input.conversationId, input.inactiveSince],
      );
      return rows.length > 0;
    },

    /** Ends a snooze that is due: the conversation is open again. */
    async reopenSnoozedConversation(conversationId: string): Promise<boolean> {
      const rows = await orm.em.getConnection().execute<{ id: string }[]>(
        `update conversations set status = 'open', snoozed_until = null
          where id = ? and status = 'pending' and snoozed_until <= now() + interval '1 second'
          returning id`,
        [conversationId],
      );
      return rows.length > 0;
    },
  };
}
