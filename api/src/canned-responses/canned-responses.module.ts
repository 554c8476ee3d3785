import { Module } from '@nestjs/common';
import { CannedResponsesController } from './canned-responses.controller.js';

@Module({ controllers: [CannedResponsesController] })
export class CannedResponsesModule {}
