import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse,
  ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiServiceUnavailableResponse, ApiTags,
} from '@nestjs/swagger';
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
@ApiBadRequestResponse({ description: 'Invalid input; `message` lists the fields' })
@Controller('businesses')
export class BusinessesController {
  constructor(private readonly businesses: BusinessesService) {}

  @Post()
  @ApiOperation({ summary: 'Create a business', description: 'The caller becomes its owner; the trial starts now and its subscription workflow with it.' })
  @ApiCreatedResponse({ description: 'The business with the caller\'s `role`' })
  @ApiConflictResponse({ description: 'The requested slug is taken' })
  @ApiServiceUnavailableResponse({ description: 'The workflow engine is unreachable; nothing was created' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateBusinessDto) {
    return this.businesses.create(user.id, dto);
  }

  @Get()
  @ApiOperation({ summary: 'List the businesses the caller is an active member of, each with the caller\'s `role`' })
  @ApiOkResponse()
  list(@CurrentUser() user: AuthenticatedUser) {
    return this.businesses.listForUser(user.id);
  }

  @Get(':id')
  @Roles(...ANY_MEMBER)
  @ApiOperation({ summary: 'Get a business' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse()
  @ApiNotFoundResponse({ description: 'No such business, deleted, or the caller is not a member' })
  get(@CurrentMembership() membership: Membership) {
    return this.businesses.get(membership);
  }

  @Patch(':id')
  @Roles('owner', 'admin')
  @ApiOperation({ summary: 'Update the business profile (owner or admin)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse()
  @ApiForbiddenResponse({ description: 'The caller is neither owner nor admin' })
  @ApiNotFoundResponse()
  update(@CurrentMembership() membership: Membership, @Body() dto: UpdateBusinessDto) {
    return this.businesses.update(membership, dto);
  }

  @Patch(':id/settings')
  @RequirePermission('settings.edit')
  @ApiOperation({ summary: 'Deep-merge a partial settings patch (settings.edit: owner and admin by default)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse()
  @ApiForbiddenResponse()
  @ApiNotFoundResponse()
  updateSettings(@CurrentMembership() membership: Membership, @Body() dto: UpdateSettingsDto) {
    return this.businesses.updateSettings(membership, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('owner')
  @ApiOperation({ summary: 'Delete the business (owner only; soft delete, 404 for everyone afterwards)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse()
  @ApiForbiddenResponse()
  @ApiNotFoundResponse()
  async remove(@CurrentMembership() membership: Membership) {
    await this.businesses.softDelete(membership);
  }
}
