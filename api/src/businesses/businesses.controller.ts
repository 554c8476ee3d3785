import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../common/decorators/current-user.decorator.js';
import { CurrentMembership } from '../common/decorators/current-membership.decorator.js';
import { RequirePermission, Roles } from '../common/decorators/roles.decorator.js';
import type { AuthenticatedUser } from '../auth/auth.types.js';
import type { Membership } from '../tenancy/tenant-access.service.js';
import { BusinessesService } from './businesses.service.js';
import { CreateBusinessDto, UpdateBusinessDto, UpdateSettingsDto } from './dto/business.dto.js';

const ANY_MEMBER = ['owner', 'admin', 'manager', 'agent', 'limited_agent'] as const;

@ApiTags('businesses')
@ApiBearerAuth()
@Controller('businesses')
export class BusinessesController {
  constructor(private readonly businesses: BusinessesService) {}

  @Post()
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateBusinessDto) {
    return this.businesses.create(user.id, dto);
  }

  @Get()
  list(@CurrentUser() user: AuthenticatedUser) {
    return this.businesses.listForUser(user.id);
  }

  @Get(':id')
  @Roles(...ANY_MEMBER)
  get(@CurrentMembership() membership: Membership) {
    return this.businesses.get(membership);
  }

  @Patch(':id')
  @Roles('owner', 'admin')
  update(@CurrentMembership() membership: Membership, @Body() dto: UpdateBusinessDto) {
    return this.businesses.update(membership, dto);
  }

  @Patch(':id/settings')
  @RequirePermission('settings.edit')
  updateSettings(@CurrentMembership() membership: Membership, @Body() dto: UpdateSettingsDto) {
    return this.businesses.updateSettings(membership, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('owner')
  async remove(@CurrentMembership() membership: Membership) {
    await this.businesses.softDelete(membership);
  }
}
