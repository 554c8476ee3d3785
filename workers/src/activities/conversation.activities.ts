import type { MikroORM } from '@mikro-orm/postgresql';
import { BusinessSchema, ConversationSchema, MessageSchema, PlatformIntegrationSchema, isWithinWorkingHours, type BusinessSettings } from '@crosschat/core';

export const DEFAULT_AWAY_MESSAGE = "Thanks for your message! We're away right now and will reply as soon as we're back.";
/** Do not repeat the away message to the same conversation within this window. */
const AWAY_REPEAT_MS = 12 * 3600 * 1000;

interface AutoReplyConfig {
  greeting: string | null;
  away: string;
}

async function autoReplyConfig(orm: MikroORM, businessId: string, platform: string): Promise<{ config: AutoReplyConfig; settings: BusinessSettings | null }> {
  const em = orm.em.fork();
  const business = await em.findOneOrFail(BusinessSchema, { id: businessId });
  const integration = await em.findOne(PlatformIntegrationSchema, { business_id: businessId, platform: platform as never, is_active: true });
  const channel = (integration?.config ?? {}) as { greeting_message?: string | null; away_message?: string | null };
  const settings = business.settings ?? null;
  const fromSettings = (settings ?? {}) as { greeting_message?: string | null; away_message?: string | null };
  return {
    settings,
    config: {
      greeting: channel.greeting_message || fromSettings.greeting_message || null,
      away: channel.away_message || fromSettings.away_message || DEFAULT_AWAY_MESSAGE,
    },
  };
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
    async sendAutomaticReplies(input: { conversationId: string; greeted: boolean }): Promise<{ greeted: boolean; sent: string[] }> {
      const em = orm.em.fork();
      const conversation = await em.findOne(ConversationSchema, { id: input.conversationId });
      if (!conversation || conversation.deleted_at) return { greeted: input.greeted, sent: [] };
      const { config, settings } = await autoReplyConfig(orm, conversation.business_id, conversation.platform);
      const previous = await em.getConnection().execute<{ auto: string; created_at: Date }[]>(
        `select metadata ->> 'auto' as auto, max(created_at) as created_at from messages
          where conversation_id = ? and metadata ->> 'auto' is not null group by 1`,
        [conversation.id],
      );
      const last = new Map(previous.map((r) => [r.auto, new Date(r.created_at)]));
      const sent: string[] = [];
      let greeted = input.greeted || last.has('greeting');
      if (!greeted && config.greeting) {
        await insertSystemMessage(conversation.id, config.greeting, 'greeting');
        sent.push('greeting');
        greeted = true;
      }
      const lastAway = last.get('away');
      if (!isWithinWorkingHours(settings, new Date()) && (!lastAway || Date.now() - lastAway.getTime() > AWAY_REPEAT_MS)) {
        await insertSystemMessage(conversation.id, config.away, 'away');
        sent.push('away');
      }
      return { greeted, sent };
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
