import { Logger } from '@nestjs/common';
import { loadSettings } from '@crosschat/core';
import { createApp } from './app.js';

const settings = loadSettings();
const app = await createApp(settings);
await app.listen(settings.apiPort, settings.apiHost);
Logger.log(`API listening on ${settings.apiPublicUrl} (OpenAPI docs at ${settings.apiPublicUrl}/docs)`, 'Bootstrap');
