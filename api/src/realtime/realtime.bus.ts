import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import pg from 'pg';
import type { Settings } from '@crosschat/core';
import { SETTINGS } from '../config/settings.module.js';
import type { Change } from './access.js';

export interface BusMessage {
  kind: 'broadcast' | 'presence_diff';
  topic: string;
  payload: unknown;
}

const CHANGES = 'crosschat_changes';
const MESSAGES = 'crosschat_realtime';
const TABLES = new Set(['messages', 'conversations', 'notifications', 'team_members']);

/**
 * Postgres LISTEN/NOTIFY between API instances: row changes (from triggers) and broadcast /
 * presence traffic (from any instance, tagged with its origin so it is not delivered twice).
 */
@Injectable()
export class RealtimeBus implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('RealtimeBus');
  private readonly origin = randomUUID();
  private listener?: pg.Client;
  private readonly publisher: pg.Pool;
  private changeHandlers: Array<(change: Change) => void> = [];
  private messageHandlers: Array<(message: BusMessage) => void> = [];
  private stopped = false;
  private retryMs = 250;

  constructor(@Inject(SETTINGS) private readonly settings: Settings) {
    this.publisher = new pg.Pool({ connectionString: settings.databaseUrl, max: 2 });
  }

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  onChange(handler: (change: Change) => void): void {
    this.changeHandlers.push(handler);
  }

  onMessage(handler: (message: BusMessage) => void): void {
    this.messageHandlers.push(handler);
  }

  publish(message: BusMessage): void {
    const body = JSON.stringify({ ...message, origin: this.origin });
    if (Buffer.byteLength(body) > 7900) {
      this.logger.warn(`realtime message on ${message.topic} too large for other instances (${body.length} bytes)`);
      return;
    }
    this.publisher.query('select pg_notify($1, $2)', [MESSAGES, body]).catch((e: Error) => this.logger.warn(`publish failed: ${e.message}`));
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.settings.databaseUrl });
    client.on('notification', (n) => void this.onNotification(n.channel, n.payload ?? ''));
    client.on('error', (e) => this.reconnect(`listener error: ${e.message}`));
    client.on('end', () => this.reconnect('listener connection ended'));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES}`);
      await client.query(`LISTEN ${MESSAGES}`);
      this.listener = client;
      this.retryMs = 250;
    } catch (error) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      this.reconnect(`cannot listen: ${(error as Error).message}`);
    }
  }

  private reconnect(reason: string): void {
    if (this.stopped) return;
    this.listener = undefined;
    this.logger.warn(`${reason}; reconnecting in ${this.retryMs} ms`);
    setTimeout(() => void this.connect(), this.retryMs).unref();
    this.retryMs = Math.min(this.retryMs * 2, 10_000);
  }

  private async onNotification(channel: string, payload: string): Promise<void> {
    let parsed: any;
    try {
      parsed = JSON.parse(payload);
    } catch {
      return;
    }
    if (channel === MESSAGES) {
      if (parsed.origin === this.origin) return;
      for (const h of this.messageHandlers) h(parsed as BusMessage);
      return;
    }
    if (!TABLES.has(parsed.table)) return;
    if (parsed.truncated && parsed.type !== 'DELETE') {
      const r = await this.publisher.query(`select to_jsonb(t) as row from ${parsed.table} t where id = $1`, [parsed.id]);
      parsed.record = r.rows[0]?.row ?? null;
      if (!parsed.record) return;
    }
    for (const h of this.changeHandlers) h(parsed as Change);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    const listener = this.listener;
    this.listener = undefined;
    if (listener) {
      listener.removeAllListeners('end');
      listener.removeAllListeners('error');
      await listener.end().catch(() => undefined);
    }
    await this.publisher.end().catch(() => undefined);
  }
}
