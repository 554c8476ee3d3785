import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ValidationPipe, type INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { loadSettings, type Settings } from '@crosschat/core';
import { AppModule } from './app.module.js';
import { AllExceptionsFilter } from './common/filters/http-exception.filter.js';
import { StartupQuietLogger } from './common/logging/startup-quiet-logger.js';

/** Builds the configured Nest application (used by main.ts and by the integration tests). */
export async function createApp(settings: Settings = loadSettings(), options: { logger?: false | ('error' | 'warn' | 'log')[] } = {}): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot(settings), {
    logger: options.logger === false ? false : new StartupQuietLogger({ logLevels: options.logger ?? ['error', 'warn', 'log'] }),
    rawBody: true,
  });
  app.enableCors({ origin: true, credentials: true, exposedHeaders: ['x-total-count'] });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: false }));
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  const openapi = new DocumentBuilder()
    .setTitle('CrossChat API')
    .setDescription('Unified inbox API: businesses, team, conversations, channels, and Supabase-compatible auth under /auth/v1.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openapi));
  return app;
}
