import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../common/decorators/current-user.decorator.js';
import { CurrentMembership } from '../common/decorators/current-membership.decorator.js';
import { RequirePermission } from '../common/decorators/roles.decorator.js';
import type { AuthenticatedUser } from '../auth/auth.types.js';
import type { Membership } from '../tenancy/tenant-access.service.js';
import { TeamService } from './team.service.js';
import { ChangeRoleDto, InviteMemberDto, UpdateMemberDto } from './dto/team.dto.js';

@ApiTags('team')
@ApiBearerAuth()
@Controller('businesses/:id')
export class TeamController {
  constructor(private readonly team: TeamService) {}

  @Get('team')
  @RequirePermission('team.view')
  list(@CurrentMembership() membership: Membership) {
    return this.team.list(membership);
  }

  @Post('team')
  @RequirePermission('team.invite')
  invite(@CurrentMembership() membership: Membership, @CurrentUser() user: AuthenticatedUser, @Body() dto: InviteMemberDto) {
    return this.team.invite(membership, dto, user.id);
  }

  @Get('team/:memberId')
  @RequirePermission('team.view')
  get(@CurrentMembership() membership: Membership, @Param('memberId', ParseUUIDPipe) memberId: string) {
    return this.team.get(membership, memberId);
  }

  @Patch('team/:memberId')
  @RequirePermission('team.edit')
  update(@CurrentMembership() membership: Membership, @Param('memberId', ParseUUIDPipe) memberId: string, @Body() dto: UpdateMemberDto) {
    return this.team.update(membership, memberId, dto);
  }

  @Patch('team/:memberId/role')
  @RequirePermission('team.edit')
  changeRole(@CurrentMembership() membership: Membership, @Param('memberId', ParseUUIDPipe) memberId: string, @Body() dto: ChangeRoleDto) {
    return this.team.changeRole(membership, memberId, dto.role);
  }

  /** Removing others needs team.remove (checked in the service); anyone may leave. */
  @Delete('team/:memberId')
  @HttpCode(204)
  @RequirePermission('team.view')
  async remove(@CurrentMembership() membership: Membership, @Param('memberId', ParseUUIDPipe) memberId: string) {
    await this.team.remove(membership, memberId);
  }

  @Get('invitations')
  @RequirePermission('team.invite')
  invitations(@CurrentMembership() membership: Membership) {
    return this.team.pendingInvitations(membership);
  }

  @Delete('invitations/:invitationId')
  @HttpCode(204)
  @RequirePermission('team.invite')
  async revoke(@CurrentMembership() membership: Membership, @Param('invitationId', ParseUUIDPipe) invitationId: string) {
    await this.team.revokeInvitation(membership, invitationId);
  }
}
