import { Module, type DynamicModule } from '@nestjs/common';
import type { Settings } from '@crosschat/core';
import { SettingsModule } from './config/settings.module.js';
import { DatabaseModule } from './database/database.module.js';
import { TemporalModule } from './temporal/temporal.module.js';
import { AuthModule } from './auth/auth.module.js';
import { MailModule } from './mail/mail.module.js';
import { HealthController } from './health/health.controller.js';
import { TenancyModule } from './tenancy/tenancy.module.js';
import { ConversationsModule } from './conversations/conversations.module.js';
import { CustomersModule } from './customers/customers.module.js';
import { IntegrationsModule } from './integrations/integrations.module.js';
import { WidgetChannelModule } from './channels/widget/widget.module.js';
import { BusinessesModule } from './businesses/businesses.module.js';
import { TeamModule } from './team/team.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { RealtimeModule } from './realtime/realtime.module.js';
import { AttachmentsModule } from './attachments/attachments.module.js';
import { CannedResponsesModule } from './canned-responses/canned-responses.module.js';
import { BillingModule } from './billing/billing.module.js';
import { AnalyticsModule } from './analytics/analytics.module.js';

@Module({})
export class AppModule {
  static forRoot(settings?: Settings): DynamicModule {
    return {
      module: AppModule,
      imports: [SettingsModule.forRoot(settings), DatabaseModule, TemporalModule, MailModule, AuthModule, TenancyModule, BusinessesModule, BillingModule, TeamModule, ConversationsModule, CustomersModule, IntegrationsModule, WidgetChannelModule, NotificationsModule, RealtimeModule, AttachmentsModule, CannedResponsesModule, AnalyticsModule],
      controllers: [HealthController],
    };
  }
}
