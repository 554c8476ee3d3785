import { Module } from '@nestjs/common';
import { WidgetChannelModule } from '../channels/widget/widget.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { RealtimeGateway } from './realtime.gateway.js';
import { RealtimeBus } from './realtime.bus.js';
import { SubscriberVerifier } from './subscriber.js';
import { ConversationDirectory } from './conversation-directory.js';
import { RealtimeController } from './realtime.controller.js';

/** Supabase-Realtime-compatible WebSocket at /realtime/v1/websocket plus its REST broadcast. */
@Module({
  imports: [WidgetChannelModule, AuthModule],
  controllers: [RealtimeController],
  providers: [RealtimeGateway, RealtimeBus, SubscriberVerifier, ConversationDirectory],
})
export class RealtimeModule {}
