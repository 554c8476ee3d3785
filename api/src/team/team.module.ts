import { Module } from '@nestjs/common';
import { TeamController } from './team.controller.js';
import { TeamService } from './team.service.js';
import { InvitationsController } from '../invitations/invitations.controller.js';

@Module({ controllers: [TeamController, InvitationsController], providers: [TeamService] })
export class TeamModule {}
