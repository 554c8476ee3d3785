export * from './auth.js';
export * from './business.js';
export * from './user.js';
export * from './team-member.js';
export * from './invitation.js';
export * from './customer.js';
export * from './conversation.js';
export * from './message.js';
export * from './platform-integration.js';
export * from './notification.js';
export * from './ai-chatbot.js';
export * from './subscription-plan.js';
export * from './webhook.js';
export * from './inbound-event.js';
export * from './canned-response.js';

import { AuthRefreshTokenSchema, AuthSessionSchema, AuthUserSchema } from './auth.js';
import { BusinessSchema } from './business.js';
import { UserSchema } from './user.js';
import { TeamMemberSchema } from './team-member.js';
import { InvitationSchema } from './invitation.js';
import { CustomerSchema } from './customer.js';
import { ConversationSchema } from './conversation.js';
import { MessageSchema } from './message.js';
import { PlatformIntegrationSchema } from './platform-integration.js';
import { NotificationSchema } from './notification.js';
import { AiChatbotSchema } from './ai-chatbot.js';
import { SubscriptionPlanSchema } from './subscription-plan.js';
import { WebhookSchema } from './webhook.js';
import { InboundEventSchema } from './inbound-event.js';
import { CannedResponseSchema } from './canned-response.js';

export const ALL_ENTITIES = [
  AuthUserSchema, AuthSessionSchema, AuthRefreshTokenSchema,
  BusinessSchema, UserSchema, TeamMemberSchema, InvitationSchema, CustomerSchema,
  ConversationSchema, MessageSchema, PlatformIntegrationSchema, NotificationSchema,
  AiChatbotSchema, SubscriptionPlanSchema, WebhookSchema, InboundEventSchema, CannedResponseSchema,
];
