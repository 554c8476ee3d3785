import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../common/decorators/current-user.decorator.js';
import type { AuthenticatedUser } from '../auth/auth.types.js';
import { ConversationsService } from './conversations.service.js';
import { MessagesService } from '../messages/messages.service.js';
import { ConversationCountsQuery, ListConversationsQuery } from './dto/list-conversations.dto.js';
import { AssignConversationDto, TagsDto, UpdateConversationDto, UpdateStatusDto } from './dto/update-conversation.dto.js';
import { ListMessagesQuery } from '../messages/dto/send-message.dto.js';

@ApiTags('conversations')
@ApiBearerAuth()
@Controller('conversations')
export class ConversationsController {
  constructor(private readonly conversations: ConversationsService, private readonly messages: MessagesService) {}

  @Get()
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListConversationsQuery) {
    return this.conversations.list(user.id, query);
  }

  /** Open conversations per inbox tab and the unread totals, as the caller may see them. */
  @Get('counts')
  counts(@CurrentUser() user: AuthenticatedUser, @Query() query: ConversationCountsQuery) {
    return this.conversations.counts(user.id, query.business_id);
  }

  @Get(':id')
  async get(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    return (await this.conversations.requireVisible(user.id, id)).conversation;
  }

  @Patch(':id')
  update(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateConversationDto) {
    return this.conversations.update(user.id, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    await this.conversations.remove(user.id, id);
  }

  @Post(':id/assign')
  @HttpCode(200)
  assign(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AssignConversationDto) {
    return this.conversations.assign(user.id, id, dto.assigned_to);
  }

  @Patch(':id/status')
  status(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateStatusDto) {
    return this.conversations.setStatus(user.id, id, dto.status, dto.snoozed_until);
  }

  @Post(':id/tags')
  @HttpCode(200)
  addTags(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: TagsDto) {
    return this.conversations.addTags(user.id, id, dto.tags);
  }

  @Delete(':id/tags/:tag')
  removeTag(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Param('tag') tag: string) {
    return this.conversations.removeTag(user.id, id, tag);
  }

  @Post(':id/read')
  @HttpCode(200)
  markRead(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.conversations.markRead(user.id, id);
  }

  @Get(':id/messages')
  messagesOf(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Query() query: ListMessagesQuery) {
    return this.messages.list(user.id, id, query.cursor, query.limit);
  }
}
