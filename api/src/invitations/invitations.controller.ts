import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/decorators/public.decorator.js';
import { CurrentUser } from '../common/decorators/current-user.decorator.js';
import type { AuthenticatedUser } from '../auth/auth.types.js';
import { TeamService } from '../team/team.service.js';

/** The invitee's side: see what they were invited to, then accept as a signed-in user. */
@ApiTags('team')
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly team: TeamService) {}

  @Public()
  @Get(':token')
  describe(@Param('token') token: string) {
    return this.team.describeInvitation(token);
  }

  @ApiBearerAuth()
  @Post(':token/accept')
  @HttpCode(200)
  accept(@CurrentUser() user: AuthenticatedUser, @Param('token') token: string) {
    return this.team.accept(token, user);
  }
}
