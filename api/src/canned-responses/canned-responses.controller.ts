import { Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { EntityManager } from '@mikro-orm/postgresql';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { CannedResponseSchema } from '@crosschat/core';
import { CurrentUser } from '../common/decorators/current-user.decorator.js';
import { CurrentMembership } from '../common/decorators/current-membership.decorator.js';
import { Roles } from '../common/decorators/roles.decorator.js';
import type { AuthenticatedUser } from '../auth/auth.types.js';
import type { Membership } from '../tenancy/tenant-access.service.js';
import { IsOmittable, IsStorableText } from '../common/dto/validation.js';

const SHORTCUT = /^[a-z0-9][a-z0-9_-]*$/;

class CreateCannedResponseDto {
  @Matches(SHORTCUT, { message: 'shortcut must be lowercase letters, digits, - or _' }) @MaxLength(50)
  shortcut!: string;

  @IsString() @MinLength(1) @MaxLength(5000) @IsStorableText()
  content!: string;
}

/** Absent fields stay; neither can be nulled. */
class UpdateCannedResponseDto {
  @IsOmittable() @Matches(SHORTCUT, { message: 'shortcut must be lowercase letters, digits, - or _' }) @MaxLength(50)
  shortcut?: string;

  @IsOmittable() @IsString() @MinLength(1) @MaxLength(5000) @IsStorableText()
  content?: string;
}

/** Saved replies of a business: every member uses them, managers and up maintain them. */
@ApiTags('canned responses')
@ApiBearerAuth()
@Controller('businesses/:id/canned-responses')
export class CannedResponsesController {
  constructor(private readonly em: EntityManager) {}

  @Get()
  @Roles('owner', 'admin', 'manager', 'agent', 'limited_agent')
  list(@CurrentMembership() membership: Membership) {
    return this.em.find(CannedResponseSchema, { business_id: membership.member.business_id }, { orderBy: { shortcut: 'asc' } });
  }

  @Post()
  @Roles('owner', 'admin', 'manager')
  async create(@CurrentMembership() membership: Membership, @CurrentUser() user: AuthenticatedUser, @Body() dto: CreateCannedResponseDto) {
    const response = this.em.create(CannedResponseSchema, { business_id: membership.member.business_id, shortcut: dto.shortcut, content: dto.content, created_by: user.id } as never);
    await this.em.flush();
    return response;
  }

  @Patch(':responseId')
  @Roles('owner', 'admin', 'manager')
  async update(@CurrentMembership() membership: Membership, @Param('responseId', ParseUUIDPipe) responseId: string, @Body() dto: UpdateCannedResponseDto) {
    const response = await this.own(membership, responseId);
    this.em.assign(response, dto);
    await this.em.flush();
    return response;
  }

  @Delete(':responseId')
  @HttpCode(204)
  @Roles('owner', 'admin', 'manager')
  async remove(@CurrentMembership() membership: Membership, @Param('responseId', ParseUUIDPipe) responseId: string) {
    await this.em.remove(await this.own(membership, responseId)).flush();
  }

  private async own(membership: Membership, id: string) {
    const response = await this.em.findOne(CannedResponseSchema, { id, business_id: membership.member.business_id });
    if (!response) throw new NotFoundException('Canned response not found');
    return response;
  }
}
