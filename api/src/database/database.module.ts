import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { ormConfig, type Settings } from '@crosschat/core';
import { SETTINGS } from '../config/settings.module.js';

@Module({
  imports: [
    MikroOrmModule.forRootAsync({
      driver: PostgreSqlDriver,
      inject: [SETTINGS],
      useFactory: (settings: Settings) => ({ ...ormConfig(settings.databaseUrl), registerRequestContext: true }),
    }),
  ],
})
export class DatabaseModule {}
