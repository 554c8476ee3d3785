import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../common/decorators/current-user.decorator.js';
import type { AuthenticatedUser } from '../auth/auth.types.js';
import { AnalyticsService } from './analytics.service.js';
import { AnalyticsOverviewQuery } from './dto/analytics-overview.dto.js';

@ApiTags('analytics')
@ApiBearerAuth()
@Controller('analytics')
export class AnalyticsController {
  constructor(private readonly analytics: AnalyticsService) {}

  @Get('overview')
  @ApiOperation({
    summary: 'Business overview: volume, response and resolution times, CSAT, per day, per channel and per agent',
    description: 'Any active member may read it. Limited agents (no conversations.view_all) only see their assigned conversations in every number. '
      + 'The period is the last `days` calendar days in the business time zone, today included; totals are compared with the `days` days before.',
  })
  @ApiOkResponse({ description: 'The overview' })
  @ApiBadRequestResponse({ description: 'business_id is not a UUID, or days is not a whole number from 1 to 365' })
  @ApiNotFoundResponse({ description: 'No such business, or the caller is not an active member of it' })
  overview(@CurrentUser() user: AuthenticatedUser, @Query() query: AnalyticsOverviewQuery) {
    return this.analytics.overview(user.id, query.business_id, query.days);
  }
}
