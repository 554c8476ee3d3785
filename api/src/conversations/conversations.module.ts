import { Module } from '@nestjs/common';
import { ConversationsController } from './conversations.controller.js';
import { ConversationsService } from './conversations.service.js';
import { MessagesController } from '../messages/messages.controller.js';
import { MessagesService } from '../messages/messages.service.js';
import { DeliveryService } from '../delivery/delivery.service.js';
import { ConversationWorkflowService } from './conversation-workflow.service.js';

/** Conversations and their messages (one module: messages never live outside a conversation). */
@Module({
  controllers: [ConversationsController, MessagesController],
  providers: [ConversationsService, MessagesService, DeliveryService, ConversationWorkflowService],
  exports: [ConversationsService, MessagesService, DeliveryService, ConversationWorkflowService],
})
export class ConversationsModule {}
