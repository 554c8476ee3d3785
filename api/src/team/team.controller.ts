import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse,
  ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiServiceUnavailableResponse, ApiTags,
} from '@nestjs/swagger';
import { CurrentUser } from '../common/decorators/current-user.decorator.js';
import { CurrentMembership } from '../common/decorators/current-membership.decorator.js';
import { RequirePermission } from '../common/decorators/roles.decorator.js';
import type { AuthenticatedUser } from '../auth/auth.types.js';
import type { Membership } from '../tenancy/tenant-access.service.js';
import { TeamService } from './team.service.js';
import { ChangeRoleDto, InviteMemberDto, UpdateMemberDto } from './dto/team.dto.js';

@ApiTags('team')
@ApiBearerAuth()
@ApiParam({ name: 'id', format: 'uuid', description: 'Business id' })
@ApiNotFoundResponse({ description: 'No such business or member, or the caller is not a member of the business' })
@ApiForbiddenResponse({ description: 'The caller\'s role or permissions do not allow this' })
@Controller('businesses/:id')
export class TeamController {
  constructor(private readonly team: TeamService) {}

  @Get('team')
  @RequirePermission('team.view')
  @ApiOperation({ summary: 'List team members with their user profile' })
  @ApiOkResponse()
  list(@CurrentMembership() membership: Membership) {
    return this.team.list(membership);
  }

  @Post('team')
  @RequirePermission('team.invite')
  @ApiOperation({ summary: 'Invite someone by email', description: 'Creates an invitation and emails its link. Below owner, only roles below the caller\'s own can be invited.' })
  @ApiCreatedResponse({ description: 'The invitation (without its token)' })
  @ApiBadRequestResponse()
  @ApiConflictResponse({ description: 'Already a member, or already invited' })
  @ApiServiceUnavailableResponse({ description: 'The email could not be sent; nothing was saved' })
  invite(@CurrentMembership() membership: Membership, @CurrentUser() user: AuthenticatedUser, @Body() dto: InviteMemberDto) {
    return this.team.invite(membership, dto, user.id);
  }

  @Get('team/:memberId')
  @RequirePermission('team.view')
  @ApiOperation({ summary: 'Get a team member' })
  @ApiParam({ name: 'memberId', format: 'uuid' })
  @ApiOkResponse()
  get(@CurrentMembership() membership: Membership, @Param('memberId', ParseUUIDPipe) memberId: string) {
    return this.team.get(membership, memberId);
  }

  @Patch('team/:memberId')
  @RequirePermission('team.edit')
  @ApiOperation({ summary: 'Update department, title, active flag or permission overrides' })
  @ApiParam({ name: 'memberId', format: 'uuid' })
  @ApiOkResponse()
  @ApiBadRequestResponse({ description: 'Invalid input, or it would leave the business without an active owner' })
  update(@CurrentMembership() membership: Membership, @Param('memberId', ParseUUIDPipe) memberId: string, @Body() dto: UpdateMemberDto) {
    return this.team.update(membership, memberId, dto);
  }

  @Patch('team/:memberId/role')
  @RequirePermission('team.edit')
  @ApiOperation({ summary: 'Change a member\'s role', description: 'Only owners make owners or touch owners; the last owner cannot be demoted.' })
  @ApiParam({ name: 'memberId', format: 'uuid' })
  @ApiOkResponse()
  @ApiBadRequestResponse()
  changeRole(@CurrentMembership() membership: Membership, @Param('memberId', ParseUUIDPipe) memberId: string, @Body() dto: ChangeRoleDto) {
    return this.team.changeRole(membership, memberId, dto.role);
  }

  /** Removing others needs team.remove (checked in the service); anyone may leave. */
  @Delete('team/:memberId')
  @HttpCode(204)
  @RequirePermission('team.view')
  @ApiOperation({ summary: 'Remove a member, or leave (your own member id)', description: 'The last owner cannot be removed.' })
  @ApiParam({ name: 'memberId', format: 'uuid' })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ description: 'It would leave the business without an active owner' })
  async remove(@CurrentMembership() membership: Membership, @Param('memberId', ParseUUIDPipe) memberId: string) {
    await this.team.remove(membership, memberId);
  }

  @Get('invitations')
  @RequirePermission('team.invite')
  @ApiOperation({ summary: 'List pending invitations' })
  @ApiOkResponse()
  invitations(@CurrentMembership() membership: Membership) {
    return this.team.pendingInvitations(membership);
  }

  @Delete('invitations/:invitationId')
  @HttpCode(204)
  @RequirePermission('team.invite')
  @ApiOperation({ summary: 'Withdraw a pending invitation' })
  @ApiParam({ name: 'invitationId', format: 'uuid' })
  @ApiNoContentResponse()
  async revoke(@CurrentMembership() membership: Membership, @Param('invitationId', ParseUUIDPipe) invitationId: string) {
    await this.team.revokeInvitation(membership, invitationId);
  }
}
