import { Module } from '@nestjs/common';
import { ConversationsController } from './conversations.controller.js';
import { ConversationsService } from './conversations.service.js';
import { MessagesController } from '../messages/messages.controller.js';
import { MessagesService } from '../messages/messages.service.js';
import { DeliveryService } from '../delivery/delivery.service.js';

/** Conversations and their messages (one module: messages never live outside a conversation). */
@Module({
  controllers: [ConversationsController, MessagesController],
  providers: [ConversationsService, MessagesService, DeliveryService],
  exports: [ConversationsService, MessagesService, DeliveryService],
})
export class ConversationsModule {}
