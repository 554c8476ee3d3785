import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import pg from 'pg';
import type { Settings } from '@crosschat/core';
import { SETTINGS } from '../config/settings.module.js';
import { parseChange, type Change } from './change.js';
import type { BroadcastMessage } from './protocol.js';
import type { PresenceDiff } from './presence.js';

/** What API instances tell each other; `origin` is the sending instance. */
export type BusMessage =
  | { kind: 'broadcast'; topic: string; message: BroadcastMessage }
  | { kind: 'presence_diff'; topic: string; diff: PresenceDiff }
  /** A instance's first subscriber of `topic`: the others answer with their presences. */
  | { kind: 'presence_sync'; topic: string }
  /** Sent periodically so the others can forget the presences of an instance that died. */
  | { kind: 'alive' };

export type ReceivedBusMessage = BusMessage & { origin: string };

const CHANGES = 'crosschat_changes';
const MESSAGES = 'crosschat_realtime';
const NOTIFY_LIMIT = 7900;
export const ALIVE_INTERVAL_MS = 15_000;
const MAX_RETRY_MS = 10_000;

/**
 * Postgres LISTEN/NOTIFY between API instances: row changes (published by triggers) and
 * broadcast / presence traffic (published by any instance, tagged with its origin so nobody
 * delivers twice). One dedicated connection LISTENs and reconnects with backoff.
 */
@Injectable()
export class RealtimeBus implements OnModuleInit, OnApplicationShutdown {
  readonly instanceId = randomUUID();
  private readonly logger = new Logger('RealtimeBus');
  private readonly publisher: pg.Pool;
  private listener?: pg.Client;
  private changeHandlers: Array<(change: Change) => void> = [];
  private messageHandlers: Array<(message: ReceivedBusMessage) => void> = [];
  /** Changes are handled one after the other, in NOTIFY order, even when one must be re-read. */
  private changeChain: Promise<void> = Promise.resolve();
  private readonly pendingPublishes = new Set<Promise<unknown>>();
  private aliveTimer?: NodeJS.Timeout;
  private stopped = false;
  private retryMs = 250;

  constructor(@Inject(SETTINGS) private readonly settings: Settings) {
    this.publisher = new pg.Pool({ connectionString: settings.databaseUrl, max: 2 });
    this.publisher.on('error', (e) => this.logger.warn(`publisher connection error: ${e.message}`));
  }

  async onModuleInit(): Promise<void> {
    await this.connect();
    this.aliveTimer = setInterval(() => this.publish({ kind: 'alive' }), ALIVE_INTERVAL_MS);
    this.aliveTimer.unref();
  }

  get listening(): boolean {
    return !!this.listener;
  }

  onChange(handler: (change: Change) => void): void {
    this.changeHandlers.push(handler);
  }

  onMessage(handler: (message: ReceivedBusMessage) => void): void {
    this.messageHandlers.push(handler);
  }

  /** Fire and forget: other instances get it at most once; a failure is logged. */
  publish(message: BusMessage): void {
    if (this.stopped) return;
    const body = JSON.stringify({ ...message, origin: this.instanceId });
    if (Buffer.byteLength(body) > NOTIFY_LIMIT) {
      this.logger.warn(`${message.kind} on ${'topic' in message ? message.topic : '-'} is too large for other instances (${Buffer.byteLength(body)} bytes)`);
      return;
    }
    const sent = this.publisher.query('select pg_notify($1, $2)', [MESSAGES, body])
      .catch((e: Error) => this.logger.warn(`publish failed: ${e.message}`))
      .finally(() => this.pendingPublishes.delete(sent));
    this.pendingPublishes.add(sent);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.settings.databaseUrl });
    let failed = false;
    const fail = (reason: string) => {
      if (failed) return;
      failed = true;
      client.removeAllListeners();
      client.on('error', () => undefined);
      void client.end().catch(() => undefined);
      if (this.listener === client) this.listener = undefined;
      this.scheduleReconnect(reason);
    };
    client.on('notification', (n) => this.onNotification(n.channel, n.payload ?? ''));
    client.on('error', (e) => fail(`listener error: ${e.message}`));
    client.on('end', () => fail('listener connection ended'));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES}`);
      await client.query(`LISTEN ${MESSAGES}`);
      if (failed) return;
      this.listener = client;
      this.retryMs = 250;
    } catch (error) {
      fail(`cannot listen: ${(error as Error).message}`);
    }
  }

  private scheduleReconnect(reason: string): void {
    if (this.stopped) return;
    this.logger.warn(`${reason}; reconnecting in ${this.retryMs} ms (changes meanwhile are not delivered; clients re-fetch)`);
    setTimeout(() => void this.connect(), this.retryMs).unref();
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
  }

  private onNotification(channel: string, payload: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload);
    } catch {
      return;
    }
    if (channel === MESSAGES) {
      const message = parsed as ReceivedBusMessage;
      if (!message || typeof message !== 'object' || message.origin === this.instanceId) return;
      for (const h of this.messageHandlers) {
        try {
          h(message);
        } catch (e) {
          this.logger.warn(`bus message ${message.kind} failed: ${(e as Error).message}`);
        }
      }
      return;
    }
    const change = parseChange(parsed);
    if (!change) return;
    this.changeChain = this.changeChain.then(() => this.dispatchChange(change)).catch((e: Error) => this.logger.warn(`change on ${change.table} failed: ${e.message}`));
  }

  private async dispatchChange(change: Change): Promise<void> {
    if (change.truncated && change.type !== 'DELETE') {
      const r = await this.publisher.query(`select to_jsonb(t) as row from public.${change.table} t where id = $1`, [change.id]);
      change.record = (r.rows[0]?.row as Change['record']) ?? null;
      if (!change.record) return;
    }
    for (const h of this.changeHandlers) h(change);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.aliveTimer) clearInterval(this.aliveTimer);
    const listener = this.listener;
    this.listener = undefined;
    if (listener) {
      listener.removeAllListeners();
      listener.on('error', () => undefined);
      await listener.end().catch(() => undefined);
    }
    await Promise.allSettled([...this.pendingPublishes]);
    await this.publisher.end().catch(() => undefined);
  }
}
