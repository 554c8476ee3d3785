import { Body, Controller, ForbiddenException, Headers, HttpCode, Param, Post, UnauthorizedException, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDefined, IsObject, IsString, Length, ValidateNested } from 'class-validator';
import { Public } from '../common/decorators/public.decorator.js';
import { IsOmittable, IsStorableText } from '../common/dto/validation.js';
import { RealtimeGateway } from './realtime.gateway.js';
import { SubscriberVerifier } from './subscriber.js';

class BroadcastMessageDto {
  @IsString() @Length(1, 255) @IsStorableText() topic!: string;
  @IsString() @Length(1, 255) @IsStorableText() event!: string;
  @IsDefined() payload!: unknown;
  @IsOmittable() @IsBoolean() private?: boolean;
}

class BroadcastBatchDto {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => BroadcastMessageDto)
  messages!: BroadcastMessageDto[];
}

const asTopic = (name: string) => (name.startsWith('realtime:') ? name : `realtime:${name}`);

/**
 * Supabase Realtime's REST broadcast: the batch endpoint (`send()` before the socket is joined)
 * and the single-message one `httpSend()` uses. The caller must be allowed to join each topic.
 */
@ApiTags('realtime')
@Public()
@Controller('realtime/v1/api/broadcast')
export class RealtimeController {
  constructor(private readonly gateway: RealtimeGateway, private readonly verifier: SubscriberVerifier) {}

  @Post()
  @HttpCode(202)
  async batch(@Headers('authorization') authorization: string | undefined, @Headers('apikey') apikey: string | undefined, @Body() body: BroadcastBatchDto): Promise<void> {
    await this.authorize(authorization, apikey, body.messages.map((m) => m.topic));
    for (const m of body.messages) this.gateway.publishBroadcast(asTopic(m.topic), { event: m.event, payload: m.payload });
  }

  @Post(':topic/events/:event')
  @HttpCode(202)
  async single(
    @Headers('authorization') authorization: string | undefined,
    @Headers('apikey') apikey: string | undefined,
    @Headers('content-type') contentType: string | undefined,
    @Param('topic') topic: string,
    @Param('event') event: string,
    @Body() payload: unknown,
  ): Promise<void> {
    if (!contentType?.startsWith('application/json')) throw new UnsupportedMediaTypeException('Send the payload as application/json');
    await this.authorize(authorization, apikey, [topic]);
    this.gateway.publishBroadcast(asTopic(topic), { event, payload });
  }

  private async authorize(authorization: string | undefined, apikey: string | undefined, topics: string[]): Promise<void> {
    const token = authorization?.startsWith('Bearer ') ? authorization.slice(7) : apikey;
    const auth = await this.verifier.authenticate(token);
    if ('error' in auth) throw new UnauthorizedException(`A signed-in user's token is needed to broadcast (${auth.error})`);
    const access = this.gateway.accessFor(auth.subscriber);
    for (const topic of topics) {
      const allowed = await access.canJoin(asTopic(topic));
      if (!allowed.ok) throw new ForbiddenException(allowed.reason);
    }
  }
}
