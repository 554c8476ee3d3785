import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../common/decorators/current-user.decorator.js';
import type { AuthenticatedUser } from '../auth/auth.types.js';
import { IntegrationsService } from './integrations.service.js';
import { ConnectWidgetDto, ListIntegrationsQuery, UpdateIntegrationDto } from './dto/integration.dto.js';

@ApiTags('integrations')
@ApiBearerAuth()
@Controller('integrations')
export class IntegrationsController {
  constructor(private readonly integrations: IntegrationsService) {}

  @Get()
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListIntegrationsQuery) {
    return this.integrations.list(user.id, query.business_id);
  }

  @Post('widget/connect')
  connectWidget(@CurrentUser() user: AuthenticatedUser, @Body() dto: ConnectWidgetDto) {
    return this.integrations.connectWidget(user.id, dto);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.integrations.get(user.id, id);
  }

  @Patch(':id')
  update(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateIntegrationDto) {
    return this.integrations.update(user.id, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    await this.integrations.remove(user.id, id);
  }

  @Post(':id/secret')
  @HttpCode(200)
  revealSecret(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.integrations.revealWidgetSecret(user.id, id);
  }
}
