import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth, ApiForbiddenResponse, ApiGoneResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags,
} from '@nestjs/swagger';
import { Public } from '../common/decorators/public.decorator.js';
import { CurrentUser } from '../common/decorators/current-user.decorator.js';
import type { AuthenticatedUser } from '../auth/auth.types.js';
import { TeamService } from '../team/team.service.js';

/** The invitee's side: see what they were invited to, then accept as a signed-in user. */
@ApiTags('team')
@ApiParam({ name: 'token', description: 'The token from the invitation link' })
@ApiNotFoundResponse({ description: 'Unknown token, or the business was deleted' })
@ApiGoneResponse({ description: 'The invitation expired, was withdrawn or was already accepted' })
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly team: TeamService) {}

  @Public()
  @Get(':token')
  @ApiOperation({ summary: 'Describe an invitation for the accept page (no sign-in needed)' })
  @ApiOkResponse({ description: '{ business_id, business_name, email, role, expires_at }' })
  describe(@Param('token') token: string) {
    return this.team.describeInvitation(token);
  }

  @ApiBearerAuth()
  @Post(':token/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept an invitation as the signed-in user whose email it was sent to' })
  @ApiOkResponse({ description: '{ business_id, member }' })
  @ApiForbiddenResponse({ description: 'Signed in with another email address' })
  accept(@CurrentUser() user: AuthenticatedUser, @Param('token') token: string) {
    return this.team.accept(token, user);
  }
}
