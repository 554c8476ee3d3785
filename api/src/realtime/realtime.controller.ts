import { Body, Controller, ForbiddenException, Headers, HttpCode, Post, UnauthorizedException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { EntityManager } from '@mikro-orm/postgresql';
import { Public } from '../common/decorators/public.decorator.js';
import { RealtimeGateway } from './realtime.gateway.js';
import { RealtimeAccess } from './access.js';
import { SubscriberVerifier } from './subscriber.js';

class BroadcastMessage {
  @IsString() @MaxLength(255) topic!: string;
  @IsString() @MaxLength(255) event!: string;
  @IsObject() payload!: Record<string, unknown>;
  @IsOptional() @IsBoolean() private?: boolean;
}

class BroadcastBody {
  @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => BroadcastMessage)
  messages!: BroadcastMessage[];
}

/** Supabase Realtime's REST fallback for broadcast. */
@ApiTags('realtime')
@Public()
@Controller('realtime/v1/api')
export class RealtimeController {
  constructor(private readonly gateway: RealtimeGateway, private readonly verifier: SubscriberVerifier, private readonly em: EntityManager) {}

  @Post('broadcast')
  @HttpCode(202)
  async broadcast(@Headers('authorization') authorization: string | undefined, @Headers('apikey') apikey: string | undefined, @Body() body: BroadcastBody) {
    const token = authorization?.startsWith('Bearer ') ? authorization.slice(7) : apikey;
    const subscriber = await this.verifier.verify(token);
    if (!subscriber) throw new UnauthorizedException('A valid access token is needed to broadcast');
    const access = new RealtimeAccess(this.em, subscriber);
    for (const m of body.messages) {
      const topic = m.topic.startsWith('realtime:') ? m.topic : `realtime:${m.topic}`;
      const allowed = await access.canJoin(topic);
      if (!allowed.ok) throw new ForbiddenException(allowed.reason);
    }
    for (const m of body.messages) {
      const topic = m.topic.startsWith('realtime:') ? m.topic : `realtime:${m.topic}`;
      this.gateway.publishBroadcast(topic, { type: 'broadcast', event: m.event, payload: m.payload });
    }
    return {};
  }
}
