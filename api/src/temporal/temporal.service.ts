import { Inject, Injectable, Logger, OnApplicationShutdown, ServiceUnavailableException } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { temporalConnectionOptions, type Settings } from '@crosschat/core';
import { SETTINGS } from '../config/settings.module.js';

/**
 * Lazily connected Temporal client. The API must start (and answer /health) while Temporal is
 * down; requests that need a workflow then fail with 503 so callers (platforms) retry.
 */
@Injectable()
export class TemporalService implements OnApplicationShutdown {
  private readonly logger = new Logger(TemporalService.name);
  private connecting?: Promise<Client>;
  private connection?: Connection;

  constructor(@Inject(SETTINGS) private readonly settings: Settings) {}

  get taskQueue(): string {
    return this.settings.temporalTaskQueue;
  }

  async client(): Promise<Client> {
    if (!this.connecting) {
      this.connecting = Connection.connect({ ...temporalConnectionOptions(this.settings), connectTimeout: '3s' })
        .then((connection) => {
          this.connection = connection;
          return new Client({ connection, namespace: this.settings.temporalNamespace });
        })
        .catch((error: unknown) => {
          this.connecting = undefined;
          this.logger.warn(`Temporal at ${this.settings.temporalAddress} unreachable: ${(error as Error).message}`);
          throw new ServiceUnavailableException('Workflow engine unavailable, retry later');
        });
    }
    return this.connecting;
  }

  async isReachable(): Promise<boolean> {
    try {
      const client = await this.client();
      await client.connection.ensureConnected();
      await this.connection?.healthService.check({});
      return true;
    } catch {
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection?.close().catch(() => undefined);
  }
}
