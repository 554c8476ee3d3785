import { Body, Controller, Get, Headers, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/decorators/public.decorator.js';
import { WidgetService } from './widget.service.js';
import { IdentifyDto, RateConversationDto, StartSessionDto, VisitorMessageDto, WidgetConfigQuery } from './dto/widget.dto.js';

const bearer = (header: string | undefined) => (header?.startsWith('Bearer ') ? header.slice(7) : undefined);

/** The visitor side of the website widget; authenticated by the visitor token, not a user's. */
@ApiTags('widget')
@Public()
@Controller('widget/v1')
export class WidgetController {
  constructor(private readonly widget: WidgetService) {}

  @Get('config')
  config(@Query() query: WidgetConfigQuery) {
    return this.widget.publicConfig(query.website_token);
  }

  @Post('sessions')
  @HttpCode(200)
  session(@Body() dto: StartSessionDto) {
    return this.widget.startSession(dto.website_token, dto.visitor_token);
  }

  @Post('identify')
  @HttpCode(200)
  identify(@Headers('authorization') auth: string | undefined, @Body() dto: IdentifyDto) {
    return this.widget.identify(bearer(auth), dto);
  }

  @Get('conversation')
  conversation(@Headers('authorization') auth: string | undefined) {
    return this.widget.conversation(bearer(auth));
  }

  @Post('messages')
  @HttpCode(200)
  send(@Headers('authorization') auth: string | undefined, @Body() dto: VisitorMessageDto) {
    return this.widget.send(bearer(auth), dto);
  }

  @Post('read')
  @HttpCode(200)
  read(@Headers('authorization') auth: string | undefined) {
    return this.widget.markRead(bearer(auth));
  }

  @Post('rating')
  @HttpCode(200)
  rate(@Headers('authorization') auth: string | undefined, @Body() dto: RateConversationDto) {
    return this.widget.rate(bearer(auth), dto);
  }
}
