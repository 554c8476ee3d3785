import { Module } from '@nestjs/common';
import { ConversationsModule } from '../../conversations/conversations.module.js';
import { IntegrationsModule } from '../../integrations/integrations.module.js';
import { WidgetController } from './widget.controller.js';
import { WidgetService } from './widget.service.js';
import { VisitorTokenService } from './visitor-token.service.js';

@Module({
  imports: [ConversationsModule, IntegrationsModule],
  controllers: [WidgetController],
  providers: [WidgetService, VisitorTokenService],
  exports: [VisitorTokenService],
})
export class WidgetChannelModule {}
