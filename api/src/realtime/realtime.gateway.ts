import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { WebSocketServer, type WebSocket } from 'ws';
import { decodeFrame, encodeFrame, type Frame, type Vsn } from './protocol.js';
import { matchesFilter, parseFilter, type RowFilter } from './filters.js';
import { RealtimeAccess, type Change } from './access.js';
import { SubscriberVerifier } from './subscriber.js';
import { RealtimeBus, type BusMessage } from './realtime.bus.js';

const PATH = '/realtime/v1/websocket';

interface Binding { id: number; event: string; schema: string; table: string; filter?: string; parsed: RowFilter | null }
interface PresenceMeta { phx_ref: string; [key: string]: unknown }

interface Channel {
  topic: string;
  joinRef: string | null;
  bindings: Binding[];
  broadcastSelf: boolean;
  broadcastAck: boolean;
  presenceKey: string;
  presence: PresenceMeta | null;
}

interface Connection {
  id: string;
  ws: WebSocket;
  vsn: Vsn;
  access: RealtimeAccess | null;
  channels: Map<string, Channel>;
}

let bindingIds = 1;

/**
 * Supabase Realtime's Phoenix-channel protocol, served by the API itself: postgres_changes
 * (authorized per row), broadcast and presence. Changes and broadcasts from other API
 * instances arrive through Postgres LISTEN/NOTIFY (RealtimeBus).
 */
@Injectable()
export class RealtimeGateway implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Realtime');
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  private readonly connections = new Set<Connection>();
  /** Presence of subscribers connected to other instances, per topic and key. */
  private readonly remotePresence = new Map<string, Map<string, PresenceMeta[]>>();

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly em: EntityManager,
    private readonly verifier: SubscriberVerifier,
    private readonly bus: RealtimeBus,
  ) {}

  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter.getHttpServer();
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname !== PATH) return;
      void this.upgrade(req, socket, head, url);
    });
    this.bus.onChange((change) => void this.deliverChange(change));
    this.bus.onMessage((message) => this.deliverBusMessage(message));
  }

  async onApplicationShutdown(): Promise<void> {
    for (const c of this.connections) c.ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL): Promise<void> {
    const apikey = url.searchParams.get('apikey') ?? (req.headers['x-api-key'] as string | undefined) ?? null;
    if (!(await this.verifier.acceptsApiKey(apikey))) {
      socket.end('HTTP/1.1 401 Unauthorized\r\ncontent-type: application/json\r\n\r\n{"message":"Invalid API key"}');
      return;
    }
    const vsn: Vsn = url.searchParams.get('vsn') === '2.0.0' ? '2.0.0' : '1.0.0';
    const apikeyUser = apikey ? await this.verifier.verify(apikey) : null;
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const connection: Connection = { id: randomUUID(), ws, vsn, access: apikeyUser ? new RealtimeAccess(this.em, apikeyUser) : null, channels: new Map() };
      this.connections.add(connection);
      ws.on('message', (data, isBinary) => void this.onMessage(connection, data as Buffer, isBinary));
      ws.on('close', () => this.onClose(connection));
      ws.on('error', () => ws.terminate());
    });
  }

  private send(connection: Connection, frame: Frame): void {
    if (connection.ws.readyState === connection.ws.OPEN) connection.ws.send(encodeFrame(frame, connection.vsn));
  }

  private reply(connection: Connection, frame: Frame, status: 'ok' | 'error', response: Record<string, unknown> = {}): void {
    this.send(connection, { join_ref: frame.join_ref, ref: frame.ref, topic: frame.topic, event: 'phx_reply', payload: { status, response } });
  }

  private async onMessage(connection: Connection, data: Buffer, isBinary: boolean): Promise<void> {
    let frame: Frame | null;
    try {
      frame = decodeFrame(data, isBinary, connection.vsn);
    } catch {
      frame = null;
    }
    if (!frame || typeof frame.topic !== 'string' || typeof frame.event !== 'string') return;
    try {
      if (frame.topic === 'phoenix' && frame.event === 'heartbeat') return this.reply(connection, frame, 'ok');
      switch (frame.event) {
        case 'phx_join': return await this.join(connection, frame);
        case 'phx_leave': return this.leave(connection, frame);
        case 'access_token': return await this.refreshToken(connection, frame);
        case 'broadcast': return this.broadcast(connection, frame);
        case 'presence': return this.presence(connection, frame);
        default: return this.reply(connection, frame, 'error', { reason: `unknown event ${frame.event}` });
      }
    } catch (error) {
      this.logger.warn(`realtime ${frame.event} on ${frame.topic} failed: ${(error as Error).message}`);
      this.reply(connection, frame, 'error', { reason: 'internal error' });
    }
  }

  private async join(connection: Connection, frame: Frame): Promise<void> {
    const payload = frame.payload ?? {};
    const config = payload.config ?? {};
    if (!frame.topic.startsWith('realtime:')) return this.reply(connection, frame, 'error', { reason: 'Topics start with realtime:' });
    if (payload.access_token) {
      const subscriber = await this.verifier.verify(payload.access_token);
      if (!subscriber) return this.reply(connection, frame, 'error', { reason: 'Invalid or expired access token' });
      if (connection.access) connection.access.reauthenticate(subscriber);
      else connection.access = new RealtimeAccess(this.em, subscriber);
    }
    if (!connection.access) return this.reply(connection, frame, 'error', { reason: 'Sign in first: join with an access_token' });
    const allowed = await connection.access.canJoin(frame.topic);
    if (!allowed.ok) return this.reply(connection, frame, 'error', { reason: allowed.reason });

    const requested: Array<{ event: string; schema: string; table: string; filter?: string }> = Array.isArray(config.postgres_changes) ? config.postgres_changes : [];
    const bindings: Binding[] = [];
    for (const b of requested) {
      const parsed = parseFilter(b.filter);
      if (parsed === 'invalid') return this.reply(connection, frame, 'error', { reason: `Invalid filter ${b.filter}` });
      bindings.push({ id: bindingIds++, event: b.event, schema: b.schema, table: b.table, ...(b.filter !== undefined ? { filter: b.filter } : {}), parsed });
    }
    const previous = connection.channels.get(frame.topic);
    if (previous?.presence) this.removePresence(connection, previous);
    const channel: Channel = {
      topic: frame.topic,
      joinRef: frame.join_ref,
      bindings,
      broadcastSelf: config.broadcast?.self === true,
      broadcastAck: config.broadcast?.ack === true,
      presenceKey: typeof config.presence?.key === 'string' && config.presence.key ? config.presence.key : randomUUID(),
      presence: null,
    };
    connection.channels.set(frame.topic, channel);
    const response = bindings.length
      ? { postgres_changes: bindings.map(({ id, event, schema, table, filter }) => ({ id, event, schema, table, ...(filter !== undefined ? { filter } : {}) })) }
      : {};
    this.reply(connection, frame, 'ok', response);
    if (config.presence?.enabled) {
      this.send(connection, { join_ref: channel.joinRef, ref: null, topic: frame.topic, event: 'presence_state', payload: this.presenceState(frame.topic) });
    }
  }

  private leave(connection: Connection, frame: Frame): void {
    const channel = connection.channels.get(frame.topic);
    if (channel) {
      if (channel.presence) this.removePresence(connection, channel);
      connection.channels.delete(frame.topic);
    }
    this.reply(connection, frame, 'ok');
    this.send(connection, { join_ref: frame.join_ref, ref: frame.ref, topic: frame.topic, event: 'phx_close', payload: {} });
  }

  /** A fresh token for the connection; an invalid one closes the channel (no reply, as Supabase does). */
  private async refreshToken(connection: Connection, frame: Frame): Promise<void> {
    const subscriber = await this.verifier.verify(frame.payload?.access_token);
    const channel = connection.channels.get(frame.topic);
    if (!subscriber || (connection.access && connection.access.who.kind !== subscriber.kind)) {
      if (channel) {
        connection.channels.delete(frame.topic);
        this.send(connection, { join_ref: channel.joinRef, ref: null, topic: frame.topic, event: 'system', payload: { extension: 'system', status: 'error', message: 'Invalid or expired access token', channel: frame.topic.replace(/^realtime:/, '') } });
        this.send(connection, { join_ref: channel.joinRef, ref: null, topic: frame.topic, event: 'phx_close', payload: {} });
      }
      return;
    }
    if (connection.access) connection.access.reauthenticate(subscriber);
    else connection.access = new RealtimeAccess(this.em, subscriber);
  }

  private broadcast(connection: Connection, frame: Frame): void {
    const channel = connection.channels.get(frame.topic);
    if (!channel) return this.reply(connection, frame, 'error', { reason: 'Join the channel first' });
    const message = { type: 'broadcast', event: frame.payload?.event, payload: frame.payload?.payload };
    this.fanOutBroadcast(frame.topic, message, channel.broadcastSelf ? null : connection);
    this.bus.publish({ kind: 'broadcast', topic: frame.topic, payload: message });
    if (channel.broadcastAck) this.reply(connection, frame, 'ok');
  }

  /** Broadcast from the REST endpoint (already authorized) or another instance. */
  fanOutBroadcast(topic: string, message: unknown, except: Connection | null): void {
    for (const c of this.connections) {
      if (c === except) continue;
      if (c.channels.has(topic)) this.send(c, { join_ref: null, ref: null, topic, event: 'broadcast', payload: message });
    }
  }

  publishBroadcast(topic: string, message: unknown): void {
    this.fanOutBroadcast(topic, message, null);
    this.bus.publish({ kind: 'broadcast', topic, payload: message });
  }

  private presence(connection: Connection, frame: Frame): void {
    const channel = connection.channels.get(frame.topic);
    if (!channel) return this.reply(connection, frame, 'error', { reason: 'Join the channel first' });
    const event = frame.payload?.event;
    if (event === 'track') {
      const leaves = channel.presence ? { [channel.presenceKey]: { metas: [channel.presence] } } : {};
      const meta: PresenceMeta = { ...(frame.payload?.payload ?? {}), phx_ref: randomUUID() };
      channel.presence = meta;
      this.presenceDiff(frame.topic, { [channel.presenceKey]: { metas: [meta] } }, leaves);
    } else if (event === 'untrack' && channel.presence) {
      this.removePresence(connection, channel);
    }
    this.reply(connection, frame, 'ok');
  }

  private removePresence(_connection: Connection, channel: Channel): void {
    if (!channel.presence) return;
    const leaves = { [channel.presenceKey]: { metas: [channel.presence] } };
    channel.presence = null;
    this.presenceDiff(channel.topic, {}, leaves);
  }

  private presenceDiff(topic: string, joins: Record<string, { metas: PresenceMeta[] }>, leaves: Record<string, { metas: PresenceMeta[] }>, fromBus = false): void {
    for (const c of this.connections) {
      const ch = c.channels.get(topic);
      if (ch) this.send(c, { join_ref: ch.joinRef, ref: null, topic, event: 'presence_diff', payload: { joins, leaves } });
    }
    if (!fromBus) this.bus.publish({ kind: 'presence_diff', topic, payload: { joins, leaves } });
  }

  private presenceState(topic: string): Record<string, { metas: PresenceMeta[] }> {
    const state: Record<string, { metas: PresenceMeta[] }> = {};
    const add = (key: string, meta: PresenceMeta) => (state[key] ??= { metas: [] }).metas.push(meta);
    for (const c of this.connections) {
      const ch = c.channels.get(topic);
      if (ch?.presence) add(ch.presenceKey, ch.presence);
    }
    for (const [key, metas] of this.remotePresence.get(topic) ?? []) for (const m of metas) add(key, m);
    return state;
  }

  private deliverBusMessage(message: BusMessage): void {
    if (message.kind === 'broadcast') return this.fanOutBroadcast(message.topic, message.payload, null);
    const { joins, leaves } = message.payload as { joins: Record<string, { metas: PresenceMeta[] }>; leaves: Record<string, { metas: PresenceMeta[] }> };
    const remote = this.remotePresence.get(message.topic) ?? new Map<string, PresenceMeta[]>();
    for (const [key, { metas }] of Object.entries(leaves)) {
      const refs = new Set(metas.map((m) => m.phx_ref));
      const left = (remote.get(key) ?? []).filter((m) => !refs.has(m.phx_ref));
      if (left.length) remote.set(key, left);
      else remote.delete(key);
    }
    for (const [key, { metas }] of Object.entries(joins)) remote.set(key, [...(remote.get(key) ?? []), ...metas]);
    this.remotePresence.set(message.topic, remote);
    this.presenceDiff(message.topic, joins, leaves, true);
  }

  private async deliverChange(change: Change): Promise<void> {
    if (change.table === 'team_members') {
      const userId = (change.record ?? change.old_record)?.user_id;
      for (const c of this.connections) if (c.access?.who.kind === 'user' && c.access.who.userId === userId) c.access.forgetMemberships();
    }
    for (const connection of this.connections) {
      if (!connection.access) continue;
      const matches: Array<{ channel: Channel; ids: number[] }> = [];
      for (const channel of connection.channels.values()) {
        const ids = channel.bindings
          .filter((b) => (b.event === '*' || b.event.toUpperCase() === change.type)
            && (b.schema === '*' || b.schema === change.schema)
            && (!b.table || b.table === '*' || b.table === change.table)
            && matchesFilter(b.parsed, change.record ?? change.old_record))
          .map((b) => b.id);
        if (ids.length) matches.push({ channel, ids });
      }
      if (!matches.length || !(await connection.access.canReceive(change))) continue;
      const data = {
        schema: change.schema,
        table: change.table,
        type: change.type,
        commit_timestamp: change.commit_timestamp,
        columns: [],
        errors: null,
        ...(change.type !== 'DELETE' ? { record: this.visibleRecord(connection, change.record) } : {}),
        ...(change.type !== 'INSERT' ? { old_record: { id: (change.old_record ?? change.record)?.id } } : {}),
      };
      for (const { channel, ids } of matches) {
        this.send(connection, { join_ref: null, ref: null, topic: channel.topic, event: 'postgres_changes', payload: { ids, data } });
      }
    }
  }

  /** Visitors never see internal metadata of a message. */
  private visibleRecord(connection: Connection, record: Record<string, unknown> | null) {
    if (connection.access?.who.kind !== 'visitor' || !record) return record;
    const { metadata: _m, sender_id: _s, ...rest } = record;
    return rest;
  }

  private onClose(connection: Connection): void {
    for (const channel of connection.channels.values()) if (channel.presence) this.removePresence(connection, channel);
    this.connections.delete(connection);
  }
}
