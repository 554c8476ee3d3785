import { createHmac, timingSafeEqual } from 'node:crypto';
import { BadRequestException, ConflictException, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  BusinessSchema, ConversationSchema, MessageSchema, PlatformIntegrationSchema,
  findCustomerByIdentifier, isWithinWorkingHours, recordInboundMessage, upsertCustomerByIdentifier,
  type Message, type PlatformIntegration,
} from '@crosschat/core';
import { IntegrationsService, DEFAULT_WIDGET_CONFIG } from '../../integrations/integrations.service.js';
import { ConversationWorkflowService } from '../../conversations/conversation-workflow.service.js';
import { VisitorTokenService, type VisitorClaims } from './visitor-token.service.js';
import type { IdentifyDto, RateConversationDto, VisitorMessageDto } from './dto/widget.dto.js';

type WidgetConfig = typeof DEFAULT_WIDGET_CONFIG;

export interface VisitorSession {
  visitor_token: string;
  conversation_id: string | null;
  customer: { id: string; name: string | null; email: string | null } | null;
}

/** What a visitor may see of a message: never internal notes, never internal metadata. */
export function publicMessage(m: Message) {
  return {
    id: m.id, conversation_id: m.conversation_id, sender_type: m.sender_type, sender_name: m.sender_name,
    content: m.content, content_type: m.content_type, attachments: m.attachments ?? [], status: m.status,
    created_at: m.created_at, read_at: m.read_at ?? null,
  };
}

/** The website widget seen from the visitor's side. */
@Injectable()
export class WidgetService {
  constructor(
    private readonly em: EntityManager,
    private readonly tokens: VisitorTokenService,
    private readonly integrations: IntegrationsService,
    private readonly workflows: ConversationWorkflowService,
  ) {}

  private async integrationByToken(websiteToken: string): Promise<PlatformIntegration> {
    const integration = await this.em.findOne(PlatformIntegrationSchema, { platform: 'widget', platform_account_id: websiteToken, is_active: true });
    if (!integration) throw new NotFoundException('Unknown website token');
    const business = await this.em.findOne(BusinessSchema, { id: integration.business_id, deleted_at: null });
    if (!business) throw new NotFoundException('Unknown website token');
    return integration;
  }

  private async integrationOf(claims: VisitorClaims): Promise<PlatformIntegration> {
    const integration = await this.em.findOne(PlatformIntegrationSchema, { id: claims.integration_id, business_id: claims.business_id, is_active: true });
    if (!integration) throw new UnauthorizedException('This widget is no longer active');
    return integration;
  }

  /**
   * integrationOf() for the message hot path, in one light query: refuses an inactive widget and
   * returns its business's settings, which the conversation workflow starts with.
   */
  private async activeWidgetBusinessSettings(claims: VisitorClaims): Promise<Record<string, unknown> | null> {
    const rows = await this.em.getConnection().execute<{ settings: Record<string, unknown> | null }[]>(
      `select b.settings from platform_integrations pi join businesses b on b.id = pi.business_id
        where pi.id = ? and pi.business_id = ? and pi.is_active limit 1`,
      [claims.integration_id, claims.business_id],
    );
    if (!rows[0]) throw new UnauthorizedException('This widget is no longer active');
    return rows[0].settings ?? null;
  }

  async publicConfig(websiteToken: string) {
    const integration = await this.integrationByToken(websiteToken);
    const business = await this.em.findOneOrFail(BusinessSchema, { id: integration.business_id });
    const config = { ...DEFAULT_WIDGET_CONFIG, ...(integration.config as Partial<WidgetConfig>) };
    return {
      business_name: business.name,
      title: config.title,
      subtitle: config.subtitle,
      color: config.color,
      position: config.position,
      greeting_message: config.greeting_message,
      pre_chat_form: config.pre_chat_form,
      identity_verification: config.identity_verification,
      within_working_hours: isWithinWorkingHours(business.settings, new Date()),
      // The widget's own notice, else the business's away message (Settings → Working hours).
      away_message: config.away_message ?? (business.settings as { away_message?: string | null } | null)?.away_message
        ?? "We're away right now. Leave a message and we'll reply as soon as we're back.",
    };
  }

  /** Starts or resumes a visitor session. A token of another widget is ignored, not honoured. */
  async startSession(websiteToken: string, visitorToken?: string): Promise<VisitorSession> {
    const integration = await this.integrationByToken(websiteToken);
    if (visitorToken) {
      const claims = await this.tokens.verify(visitorToken).catch(() => null);
      if (claims && claims.integration_id === integration.id) return this.sessionFor(claims);
    }
    return this.sessionFor({ sub: this.tokens.newVisitorId(), role: 'anon', kind: 'widget_visitor', business_id: integration.business_id, integration_id: integration.id });
  }

  /** Refreshes the token with the visitor's current customer and conversation. */
  private async sessionFor(claims: VisitorClaims): Promise<VisitorSession> {
    const customer = await findCustomerByIdentifier(this.em, claims.business_id, 'widget', claims.sub);
    const conversation = customer
      ? await this.em.findOne(ConversationSchema, { business_id: claims.business_id, customer_id: customer.id, platform: 'widget', deleted_at: null }, { orderBy: { created_at: 'desc' } })
      : null;
    return this.sessionOf(claims, customer, conversation);
  }

  private async sessionOf(
    claims: VisitorClaims,
    customer: { id: string; name?: string | null; email?: string | null } | null,
    conversation: { id: string } | null,
  ): Promise<VisitorSession> {
    const fresh: VisitorClaims = {
      sub: claims.sub, role: 'anon', kind: 'widget_visitor', business_id: claims.business_id, integration_id: claims.integration_id,
      ...(customer ? { customer_id: customer.id } : {}),
      ...(conversation ? { conversation_id: conversation.id } : {}),
    };
    return {
      visitor_token: await this.tokens.sign(fresh),
      conversation_id: conversation?.id ?? null,
      customer: customer ? { id: customer.id, name: customer.name ?? null, email: customer.email ?? null } : null,
    };
  }


  /**
   * Pre-chat form (name/email) or CrossChat.setUser. With identity verification on, a user id
   * needs its HMAC and user data without a valid one is refused.
   */
  async identify(visitorToken: string | undefined, dto: IdentifyDto): Promise<VisitorSession> {
    const claims = await this.tokens.verify(visitorToken);
    const integration = await this.integrationOf(claims);
    const config = { ...DEFAULT_WIDGET_CONFIG, ...(integration.config as Partial<WidgetConfig>) };
    let identity = claims.sub;
    if (dto.user_id !== undefined || dto.identifier_hash !== undefined) {
      if (!dto.user_id) throw new BadRequestException('identifier_hash needs user_id');
      if (config.identity_verification) {
        const { identity_secret } = this.integrations.widgetCredentials(integration);
        const expected = createHmac('sha256', identity_secret).update(dto.user_id).digest();
        const given = Buffer.from(dto.identifier_hash ?? '', 'hex');
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
          throw new UnauthorizedException('identifier_hash does not match user_id: user data refused');
        }
      }
      identity = `user:${dto.user_id}`;
    } else if (config.identity_verification && claims.sub.startsWith('user:')) {
      throw new BadRequestException('This visitor is identified by the site; user data comes with setUser');
    }
    const customer = await upsertCustomerByIdentifier(this.em, claims.business_id, 'widget', identity, { name: dto.name ?? null, email: dto.email ?? null });
    if (dto.name) customer.name = dto.name;
    if (dto.email) customer.email = dto.email.toLowerCase();
    await this.em.flush();
    return this.sessionFor({ ...claims, sub: identity });
  }

  async conversation(visitorToken: string | undefined) {
    const claims = await this.tokens.verify(visitorToken);
    await this.integrationOf(claims);
    const session = await this.sessionFor(claims);
    if (!session.conversation_id) return { ...session, status: null, messages: [] };
    const conversation = await this.em.findOneOrFail(ConversationSchema, { id: session.conversation_id });
    const messages = await this.em.find(MessageSchema, { conversation_id: conversation.id, is_internal_note: false }, { orderBy: { created_at: 'asc', id: 'asc' }, limit: 200 });
    return {
      ...session, status: conversation.status, messages: messages.map(publicMessage),
      rating: conversation.satisfaction_rating ?? null,
    };
  }

  /** A visitor's message: stored idempotently, then the conversation workflow hears of it. */
  async send(visitorToken: string | undefined, dto: VisitorMessageDto) {
    const claims = await this.tokens.verify(visitorToken);
    const settings = await this.activeWidgetBusinessSettings(claims);
    const result = await recordInboundMessage(this.em, {
      businessId: claims.business_id,
      platform: 'widget',
      senderExternalId: claims.sub,
      externalMessageId: dto.client_message_id,
      content: dto.content,
    });
    await this.workflows.customerMessage(result.conversation, result.message, settings);
    // The message's own customer and conversation are the visitor's latest: no need to look them up again.
    const session = await this.sessionOf(claims, result.customer, result.conversation);
    return { ...session, message: publicMessage(result.message), duplicate: !result.created };
  }

  /** The visitor rates their conversation once it is resolved or closed (CSAT); a new rating replaces the old. */
  async rate(visitorToken: string | undefined, dto: RateConversationDto): Promise<{ rating: number; comment: string | null }> {
    const claims = await this.tokens.verify(visitorToken);
    await this.integrationOf(claims);
    const session = await this.sessionFor(claims);
    if (!session.conversation_id) throw new BadRequestException('There is no conversation to rate yet');
    const conversation = await this.em.findOneOrFail(ConversationSchema, { id: session.conversation_id });
    if (conversation.status !== 'resolved' && conversation.status !== 'closed') {
      throw new ConflictException('A conversation can be rated once it is resolved');
    }
    conversation.satisfaction_rating = dto.rating;
    conversation.satisfaction_comment = dto.comment?.trim() || null;
    conversation.rated_at = new Date();
    await this.em.flush();
    return { rating: dto.rating, comment: conversation.satisfaction_comment };
  }

  /** The visitor saw the agent's replies: they turn `read` (ticks in the dashboard). */
  async markRead(visitorToken: string | undefined): Promise<{ updated: number }> {
    const claims = await this.tokens.verify(visitorToken);
    const session = await this.sessionFor(claims);
    if (!session.conversation_id) return { updated: 0 };
    const rows = await this.em.getConnection().execute<{ id: string }[]>(
      `update messages set status = 'read', read_at = coalesce(read_at, now())
        where conversation_id = ? and sender_type <> 'customer' and not is_internal_note and status in ('sent', 'delivered')
        returning id`,
      [session.conversation_id],
    );
    return { updated: rows.length };
  }
}
