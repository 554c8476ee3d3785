import { Controller, Delete, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { EntityManager } from '@mikro-orm/postgresql';
import { IsOptional, IsUUID } from 'class-validator';
import { NotificationSchema } from '@crosschat/core';
import { CurrentUser } from '../common/decorators/current-user.decorator.js';
import type { AuthenticatedUser } from '../auth/auth.types.js';

class ListNotificationsQuery {
  @IsOptional() @IsUUID()
  business_id?: string;
}

/** The caller's own notifications (mentions, assignments, invites); nobody sees another's. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly em: EntityManager) {}

  @Get()
  async list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListNotificationsQuery) {
    const where = { user_id: user.id, ...(query.business_id ? { business_id: query.business_id } : {}) };
    const [data, unread] = await Promise.all([
      this.em.find(NotificationSchema, where, { orderBy: { created_at: 'desc' }, limit: 50 }),
      this.em.count(NotificationSchema, { ...where, read_status: false }),
    ]);
    return { data, unread };
  }

  @Patch('read-all')
  async readAll(@CurrentUser() user: AuthenticatedUser) {
    const updated = await this.em.nativeUpdate(NotificationSchema, { user_id: user.id, read_status: false }, { read_status: true, read_at: new Date() });
    return { updated };
  }

  @Get(':id')
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.own(user.id, id);
  }

  @Patch(':id/read')
  async read(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    const notification = await this.own(user.id, id);
    notification.read_status = true;
    notification.read_at ??= new Date();
    await this.em.flush();
    return notification;
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    await this.em.remove(await this.own(user.id, id)).flush();
  }

  private async own(userId: string, id: string) {
    const notification = await this.em.findOne(NotificationSchema, { id, user_id: userId });
    if (!notification) throw new NotFoundException('Notification not found');
    return notification;
  }
}
