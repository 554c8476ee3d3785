import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../common/decorators/current-user.decorator.js';
import type { AuthenticatedUser } from '../auth/auth.types.js';
import { CustomersService } from './customers.service.js';
import { ConversationsService } from '../conversations/conversations.service.js';
import { AddNoteDto, CreateCustomerDto, CustomerTagsDto, CustomerTagsInUseQuery, ListCustomersQuery, UpdateCustomerDto } from './dto/customer.dto.js';

@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class CustomersController {
  constructor(private readonly customers: CustomersService, private readonly conversations: ConversationsService) {}

  @Post()
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateCustomerDto) {
    return this.customers.create(user.id, dto);
  }

  @Get()
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListCustomersQuery) {
    return this.customers.list(user.id, query);
  }

  /** Every tag in use on the business's customers, for the directory's tag filter. (Before :id.) */
  @Get('tags')
  tagsInUse(@CurrentUser() user: AuthenticatedUser, @Query() query: CustomerTagsInUseQuery) {
    return this.customers.tagsInUse(user.id, query.business_id);
  }

  @Get(':id')
  async get(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    return (await this.customers.requireVisible(user.id, id)).customer;
  }

  @Patch(':id')
  update(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateCustomerDto) {
    return this.customers.update(user.id, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    await this.customers.remove(user.id, id);
  }

  /** Every conversation of this person, across channels. */
  @Get(':id/conversations')
  async conversationsOf(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    const { customer } = await this.customers.requireVisible(user.id, id);
    return this.conversations.list(user.id, { business_id: customer.business_id, customer_id: customer.id, limit: 100 });
  }

  @Post(':id/notes')
  addNote(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AddNoteDto) {
    return this.customers.addNote(user.id, id, dto.text);
  }

  @Post(':id/tags')
  @HttpCode(200)
  addTags(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CustomerTagsDto) {
    return this.customers.addTags(user.id, id, dto.tags);
  }

  @Delete(':id/tags/:tag')
  removeTag(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Param('tag') tag: string) {
    return this.customers.removeTag(user.id, id, tag);
  }
}
