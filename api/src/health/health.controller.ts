import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Response } from 'express';
import { Public } from '../common/decorators/public.decorator.js';
import { TemporalService } from '../temporal/temporal.service.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly em: EntityManager, private readonly temporal: TemporalService) {}

  /** 200 when the database and Temporal answer, 503 (same body) when either does not. */
  @Public()
  @Get()
  @HttpCode(200)
  async check(@Res({ passthrough: true }) res: Response) {
    const [database, temporal] = await Promise.all([
      this.em.getConnection().execute('select 1').then(() => 'up' as const, () => 'down' as const),
      this.temporal.isReachable().then((ok) => (ok ? ('up' as const) : ('down' as const))),
    ]);
    const status = database === 'up' && temporal === 'up' ? 'ok' : 'degraded';
    if (status !== 'ok') res.status(503);
    return { status, database, temporal };
  }
}
