import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { WebSocketServer, type WebSocket } from 'ws';
import { decodeFrame, encodeBroadcast, encodeFrame, parseVsn, type BroadcastMessage, type Frame, type Vsn } from './protocol.js';
import { bindingMatches, echo, parseBindings, project, type Binding } from './bindings.js';
import { RealtimeAccess, conversationOfTopic } from './access.js';
import { ConversationDirectory } from './conversation-directory.js';
import { SubscriberVerifier, type Subscriber } from './subscriber.js';
import { RealtimeBus, ALIVE_INTERVAL_MS, type ReceivedBusMessage } from './realtime.bus.js';
import { RemotePresence, addEntry, isEmptyDiff, type PresenceDiff, type PresenceEntries, type PresenceMeta } from './presence.js';
import type { Change } from './change.js';

export const REALTIME_PATH = '/realtime/v1/websocket';
/** Phoenix's own socket timeout: realtime-js heartbeats every 25 s. */
const IDLE_TIMEOUT_MS = 60_000;
const SWEEP_INTERVAL_MS = 15_000;
const MAX_TIMER_MS = 2_147_483_647;

interface Channel {
  topic: string;
  joinRef: string | null;
  access: RealtimeAccess;
  token: string | null;
  bindings: Binding[];
  broadcastSelf: boolean;
  broadcastAck: boolean;
  /** Whether this subscriber receives presence (`config.presence.enabled`); anyone may track. */
  presenceEnabled: boolean;
  presenceKey: string;
  presence: PresenceMeta | null;
  expiry?: NodeJS.Timeout;
}

interface Connection {
  ws: WebSocket;
  vsn: Vsn;
  /** Identity from a user-token apikey, used when a join carries no access_token. */
  apikeySubscriber: Subscriber | null;
  /** One access (and membership cache) per identity, shared by the channels using it. */
  accesses: Map<string, RealtimeAccess>;
  channels: Map<string, Channel>;
  /** Frames, change deliveries and re-checks run one after the other, in arrival order. */
  queue: Promise<void>;
  lastSeen: number;
}

function identity(subscriber: Subscriber): string {
  return subscriber.kind === 'user' ? `user:${subscriber.userId}` : `visitor:${subscriber.businessId}:${subscriber.conversationId ?? ''}`;
}

function subTopic(topic: string): string {
  return topic.replace(/^realtime:/, '');
}

/**
 * Supabase Realtime's Phoenix-channel protocol, served by the API itself: postgres_changes
 * (authorized per row and subscriber), broadcast and presence. Row changes reach every instance
 * through the LISTEN connection of RealtimeBus; broadcast and presence from other instances too.
 */
@Injectable()
export class RealtimeGateway implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Realtime');
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  private readonly connections = new Set<Connection>();
  private readonly remotePresence = new RemotePresence();
  /** Topics whose presences this instance already asked the other instances for. */
  private readonly syncedPresenceTopics = new Set<string>();
  private sweeper?: NodeJS.Timeout;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly em: EntityManager,
    private readonly verifier: SubscriberVerifier,
    private readonly bus: RealtimeBus,
    private readonly conversations: ConversationDirectory,
  ) {}

  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter.getHttpServer();
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname.replace(/\/+$/, '') !== REALTIME_PATH) {
        // Nobody else upgrades on this server: do not leave the socket hanging.
        if (server.listeners('upgrade').length === 1) socket.destroy();
        return;
      }
      this.upgrade(req, socket, head, url).catch((e: Error) => {
        this.logger.warn(`upgrade failed: ${e.message}`);
        socket.destroy();
      });
    });
    this.bus.onChange((change) => this.onChange(change));
    this.bus.onMessage((message) => this.onBusMessage(message));
    this.sweeper = setInterval(() => this.sweep(), SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  /** Before the bus closes: announce our presences as gone and drop every socket. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    for (const connection of [...this.connections]) this.drop(connection);
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  /** A RealtimeAccess outside any socket (REST broadcast). */
  accessFor(subscriber: Subscriber): RealtimeAccess {
    return new RealtimeAccess(this.em, this.conversations, subscriber);
  }

  // ---- connections -------------------------------------------------------------------------

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL): Promise<void> {
    const header = req.headers['x-api-key'] ?? req.headers.apikey;
    const apikey = url.searchParams.get('apikey') ?? (typeof header === 'string' ? header : null);
    const key = await this.verifier.acceptsApiKey(apikey);
    if (!key.ok) {
      const body = JSON.stringify({ message: apikey ? 'Invalid API key' : 'No API key found in request' });
      socket.end(`HTTP/1.1 401 Unauthorized\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
      return;
    }
    const vsn = parseVsn(url.searchParams.get('vsn'));
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const connection: Connection = { ws, vsn, apikeySubscriber: key.subscriber, accesses: new Map(), channels: new Map(), queue: Promise.resolve(), lastSeen: Date.now() };
      this.connections.add(connection);
      ws.on('message', (data, isBinary) => this.onFrame(connection, data as Buffer, isBinary));
      ws.on('close', () => this.drop(connection));
      ws.on('error', () => ws.terminate());
    });
  }

  private drop(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    for (const channel of connection.channels.values()) this.removeChannel(channel);
    connection.channels.clear();
    connection.ws.terminate();
  }

  private enqueue(connection: Connection, task: () => Promise<void> | void): void {
    connection.queue = connection.queue.then(task).catch((e: Error) => this.logger.warn(`realtime task failed: ${e.message}`));
  }

  private sweep(): void {
    const now = Date.now();
    for (const connection of this.connections) {
      if (now - connection.lastSeen > IDLE_TIMEOUT_MS) this.drop(connection);
    }
    for (const { topic, diff } of this.remotePresence.sweep(3 * ALIVE_INTERVAL_MS)) this.sendPresenceDiff(topic, diff);
  }

  private send(connection: Connection, frame: Frame): void {
    if (connection.ws.readyState === connection.ws.OPEN) connection.ws.send(encodeFrame(frame, connection.vsn));
  }

  private reply(connection: Connection, frame: Frame, status: 'ok' | 'error', response: Record<string, unknown> = {}): void {
    this.send(connection, { join_ref: frame.join_ref, ref: frame.ref, topic: frame.topic, event: 'phx_reply', payload: { status, response } });
  }

  private system(connection: Connection, channel: Channel, extension: string, status: 'ok' | 'error', message: string): void {
    this.send(connection, { join_ref: channel.joinRef, ref: null, topic: channel.topic, event: 'system', payload: { extension, status, message, channel: subTopic(channel.topic) } });
  }

  private onFrame(connection: Connection, data: Buffer, isBinary: boolean): void {
    connection.lastSeen = Date.now();
    let frame: Frame | null;
    try {
      frame = decodeFrame(data, isBinary, connection.vsn);
    } catch {
      frame = null;
    }
    if (!frame || typeof frame.topic !== 'string' || typeof frame.event !== 'string') return;
    const f = frame;
    // Heartbeats skip the queue: a slow join must not make the client think the socket died.
    if (f.topic === 'phoenix') return f.event === 'heartbeat' ? this.reply(connection, f, 'ok') : undefined;
    this.enqueue(connection, async () => {
      try {
        await this.handle(connection, f);
      } catch (error) {
        this.logger.warn(`realtime ${f.event} on ${f.topic} failed: ${(error as Error).message}`);
        this.reply(connection, f, 'error', { reason: 'Internal server error' });
      }
    });
  }

  private async handle(connection: Connection, frame: Frame): Promise<void> {
    switch (frame.event) {
      case 'phx_join': return this.join(connection, frame);
      case 'phx_leave': return this.leave(connection, frame);
      case 'access_token': return this.refreshToken(connection, frame);
      case 'broadcast': return this.broadcast(connection, frame);
      case 'presence': return this.presence(connection, frame);
      default: return this.reply(connection, frame, 'error', { reason: `Unknown event ${frame.event}` });
    }
  }

  // ---- channels ----------------------------------------------------------------------------

  private accessOf(connection: Connection, subscriber: Subscriber): RealtimeAccess {
    const key = identity(subscriber);
    let access = connection.accesses.get(key);
    if (!access) {
      access = new RealtimeAccess(this.em, this.conversations, subscriber);
      connection.accesses.set(key, access);
    } else {
      access.reauthenticate(subscriber);
    }
    return access;
  }

  private async join(connection: Connection, frame: Frame): Promise<void> {
    const payload = frame.payload && typeof frame.payload === 'object' ? frame.payload : {};
    const config = payload.config && typeof payload.config === 'object' ? payload.config : {};
    if (!frame.topic.startsWith('realtime:')) return this.reply(connection, frame, 'error', { reason: 'Topics start with realtime:' });

    let subscriber = connection.apikeySubscriber;
    const token = typeof payload.access_token === 'string' && payload.access_token ? payload.access_token : null;
    if (token) {
      const auth = await this.verifier.authenticate(token);
      if ('error' in auth) return this.reply(connection, frame, 'error', { reason: auth.error });
      subscriber = auth.subscriber;
    }
    if (!subscriber) return this.reply(connection, frame, 'error', { reason: 'Unauthorized: join with the access_token of a signed-in user' });
    const access = this.accessOf(connection, subscriber);
    const allowed = await access.canJoin(frame.topic);
    if (!allowed.ok) return this.reply(connection, frame, 'error', { reason: allowed.reason });

    const bindings = parseBindings(config.postgres_changes);
    if ('error' in bindings) return this.reply(connection, frame, 'error', { reason: bindings.error });

    // A join of a topic this socket already has replaces it (Phoenix's duplicate join).
    const previous = connection.channels.get(frame.topic);
    if (previous) {
      this.removeChannel(previous);
      connection.channels.delete(frame.topic);
      if (previous.joinRef !== frame.join_ref) this.send(connection, { join_ref: previous.joinRef, ref: previous.joinRef, topic: frame.topic, event: 'phx_close', payload: {} });
    }
    const presenceKey = typeof config.presence?.key === 'string' && config.presence.key ? config.presence.key : randomUUID();
    const channel: Channel = {
      topic: frame.topic,
      joinRef: frame.join_ref,
      access,
      token,
      bindings,
      broadcastSelf: config.broadcast?.self === true,
      broadcastAck: config.broadcast?.ack === true,
      presenceEnabled: config.presence?.enabled === true,
      presenceKey,
      presence: null,
    };
    connection.channels.set(frame.topic, channel);
    this.armExpiry(connection, channel, subscriber);

    this.reply(connection, frame, 'ok', bindings.length ? { postgres_changes: echo(bindings) } : {});
    if (channel.presenceEnabled) {
      this.send(connection, { join_ref: channel.joinRef, ref: null, topic: frame.topic, event: 'presence_state', payload: this.presenceState(frame.topic) });
      if (!this.syncedPresenceTopics.has(frame.topic)) {
        this.syncedPresenceTopics.add(frame.topic);
        this.bus.publish({ kind: 'presence_sync', topic: frame.topic });
      }
    }
    if (bindings.length) this.system(connection, channel, 'postgres_changes', 'ok', 'Subscribed to PostgreSQL');
    if (config.broadcast?.replication_ready === true) this.system(connection, channel, 'system', 'ok', 'Replication connection established');
  }

  private leave(connection: Connection, frame: Frame): void {
    const channel = connection.channels.get(frame.topic);
    if (channel) {
      this.removeChannel(channel);
      connection.channels.delete(frame.topic);
    }
    this.reply(connection, frame, 'ok');
    this.send(connection, { join_ref: frame.join_ref, ref: frame.join_ref, topic: frame.topic, event: 'phx_close', payload: {} });
  }

  /** Stops a channel the subscriber may no longer have, as the Supabase server does: a system error, then phx_close. */
  private closeChannel(connection: Connection, channel: Channel, reason: string): void {
    if (connection.channels.get(channel.topic) !== channel) return;
    this.removeChannel(channel);
    connection.channels.delete(channel.topic);
    this.system(connection, channel, 'system', 'error', reason);
    this.send(connection, { join_ref: channel.joinRef, ref: channel.joinRef, topic: channel.topic, event: 'phx_close', payload: {} });
  }

  private removeChannel(channel: Channel): void {
    if (channel.expiry) clearTimeout(channel.expiry);
    channel.expiry = undefined;
    this.untrack(channel);
  }

  private armExpiry(connection: Connection, channel: Channel, subscriber: Subscriber): void {
    if (channel.expiry) clearTimeout(channel.expiry);
    channel.expiry = undefined;
    if (!subscriber.exp) return;
    const delay = subscriber.exp * 1000 - Date.now();
    channel.expiry = setTimeout(() => {
      if (subscriber.exp * 1000 > Date.now()) return this.armExpiry(connection, channel, subscriber);
      this.enqueue(connection, () => this.closeChannel(connection, channel, 'Token has expired'));
    }, Math.min(Math.max(delay, 0), MAX_TIMER_MS));
    channel.expiry.unref();
  }

  /** A refreshed token for a channel. No reply; an invalid one, or one that may not see the topic, closes the channel. */
  private async refreshToken(connection: Connection, frame: Frame): Promise<void> {
    const channel = connection.channels.get(frame.topic);
    const token = frame.payload?.access_token;
    if (!channel || (typeof token === 'string' && token === channel.token)) return;
    const auth = await this.verifier.authenticate(token);
    if ('error' in auth) return this.closeChannel(connection, channel, auth.error);
    const previous = identity(channel.access.who);
    channel.access = this.accessOf(connection, auth.subscriber);
    channel.token = token as string;
    this.armExpiry(connection, channel, auth.subscriber);
    if (identity(auth.subscriber) !== previous) await this.recheck(connection, channel);
  }

  private async recheck(connection: Connection, channel: Channel): Promise<void> {
    if (connection.channels.get(channel.topic) !== channel) return;
    const allowed = await channel.access.canJoin(channel.topic);
    if (!allowed.ok) this.closeChannel(connection, channel, allowed.reason);
  }

  // ---- broadcast ---------------------------------------------------------------------------

  private broadcast(connection: Connection, frame: Frame): void {
    const channel = connection.channels.get(frame.topic);
    if (!channel) return this.reply(connection, frame, 'error', { reason: 'Join the channel first' });
    const event = frame.payload?.event;
    if (typeof event !== 'string' || !event) return this.reply(connection, frame, 'error', { reason: 'A broadcast needs an event name' });
    const message: BroadcastMessage = frame.payload.binary !== undefined ? { event, binary: frame.payload.binary } : { event, payload: frame.payload.payload };
    this.deliverBroadcast(frame.topic, message, channel.broadcastSelf ? null : connection);
    this.bus.publish({ kind: 'broadcast', topic: frame.topic, message });
    if (channel.broadcastAck) this.reply(connection, frame, 'ok');
  }

  private deliverBroadcast(topic: string, message: BroadcastMessage, except: Connection | null): void {
    const encoded = new Map<Vsn, string | Buffer>();
    for (const c of this.connections) {
      if (c === except || !c.channels.has(topic) || c.ws.readyState !== c.ws.OPEN) continue;
      if (!encoded.has(c.vsn)) encoded.set(c.vsn, encodeBroadcast(topic, message, c.vsn));
      c.ws.send(encoded.get(c.vsn)!);
    }
  }

  /** A broadcast already authorized elsewhere (REST endpoint): to this instance's subscribers and the others. */
  publishBroadcast(topic: string, message: BroadcastMessage): void {
    this.deliverBroadcast(topic, message, null);
    this.bus.publish({ kind: 'broadcast', topic, message });
  }

  // ---- presence ----------------------------------------------------------------------------

  private presence(connection: Connection, frame: Frame): void {
    const channel = connection.channels.get(frame.topic);
    if (!channel) return this.reply(connection, frame, 'error', { reason: 'Join the channel first' });
    const event = frame.payload?.event;
    if (event === 'track') {
      const tracked = frame.payload?.payload;
      const meta: PresenceMeta = { ...(tracked && typeof tracked === 'object' && !Array.isArray(tracked) ? tracked : {}), phx_ref: randomUUID() };
      const leaves: PresenceEntries = channel.presence ? { [channel.presenceKey]: { metas: [channel.presence] } } : {};
      if (channel.presence) meta.phx_ref_prev = channel.presence.phx_ref;
      channel.presence = meta;
      this.announcePresence(frame.topic, { joins: { [channel.presenceKey]: { metas: [meta] } }, leaves });
    } else if (event === 'untrack') {
      this.untrack(channel);
    } else {
      return this.reply(connection, frame, 'error', { reason: 'presence event must be track or untrack' });
    }
    this.reply(connection, frame, 'ok');
  }

  private untrack(channel: Channel): void {
    if (!channel.presence) return;
    const leaves = { [channel.presenceKey]: { metas: [channel.presence] } };
    channel.presence = null;
    this.announcePresence(channel.topic, { joins: {}, leaves });
  }

  private announcePresence(topic: string, diff: PresenceDiff): void {
    this.sendPresenceDiff(topic, diff);
    this.bus.publish({ kind: 'presence_diff', topic, diff });
  }

  private sendPresenceDiff(topic: string, diff: PresenceDiff): void {
    if (isEmptyDiff(diff)) return;
    for (const c of this.connections) {
      const channel = c.channels.get(topic);
      // Without presence_state first, realtime-js would buffer these forever.
      if (channel?.presenceEnabled) this.send(c, { join_ref: channel.joinRef, ref: null, topic, event: 'presence_diff', payload: diff });
    }
  }

  private localPresence(topic: string): PresenceEntries {
    const entries: PresenceEntries = {};
    for (const c of this.connections) {
      const channel = c.channels.get(topic);
      if (channel?.presence) addEntry(entries, channel.presenceKey, channel.presence);
    }
    return entries;
  }

  private presenceState(topic: string): PresenceEntries {
    return this.remotePresence.entries(topic, this.localPresence(topic));
  }

  // ---- other instances ---------------------------------------------------------------------

  private onBusMessage(message: ReceivedBusMessage): void {
    this.remotePresence.heardFrom(message.origin);
    switch (message.kind) {
      case 'broadcast':
        return this.deliverBroadcast(message.topic, message.message, null);
      case 'presence_diff':
        return this.sendPresenceDiff(message.topic, this.remotePresence.apply(message.topic, message.diff, message.origin));
      case 'presence_sync': {
        const joins = this.localPresence(message.topic);
        if (Object.keys(joins).length) this.bus.publish({ kind: 'presence_diff', topic: message.topic, diff: { joins, leaves: {} } });
        return;
      }
      default:
        return;
    }
  }

  // ---- postgres_changes --------------------------------------------------------------------

  private onChange(change: Change): void {
    this.conversations.observe(change);
    if (change.table === 'team_members') this.membershipChanged(change);
    if (change.table === 'conversations' && change.id) this.conversationChanged(change.id);
    for (const connection of this.connections) {
      const matched: Array<{ channel: Channel; bindings: Binding[] }> = [];
      for (const channel of connection.channels.values()) {
        const bindings = channel.bindings.filter((b) => bindingMatches(b, change));
        if (bindings.length) matched.push({ channel, bindings });
      }
      if (matched.length) this.enqueue(connection, () => this.deliverChange(connection, change, matched));
    }
  }

  private async deliverChange(connection: Connection, change: Change, matched: Array<{ channel: Channel; bindings: Binding[] }>): Promise<void> {
    for (const { channel, bindings } of matched) {
      if (connection.channels.get(channel.topic) !== channel || !(await channel.access.canReceive(change))) continue;
      const record = channel.access.visibleRecord(change.table, change.record);
      // Bindings asking for different columns get separate frames.
      const bySelect = new Map<string, Binding[]>();
      for (const b of bindings) {
        const key = b.select?.join(',') ?? '';
        bySelect.set(key, [...(bySelect.get(key) ?? []), b]);
      }
      for (const group of bySelect.values()) {
        const data = {
          schema: change.schema,
          table: change.table,
          type: change.type,
          commit_timestamp: change.commit_timestamp,
          columns: [],
          errors: null,
          ...(change.type !== 'DELETE' ? { record: project(record, group[0]!.select) } : {}),
          ...(change.type !== 'INSERT' ? { old_record: change.old_record } : {}),
        };
        this.send(connection, { join_ref: null, ref: null, topic: channel.topic, event: 'postgres_changes', payload: { ids: group.map((b) => b.id), data } });
      }
    }
  }

  /** A membership changed: forget what we knew and close channels the user may no longer have. */
  private membershipChanged(change: Change): void {
    const userId = change.user_id;
    if (!userId) return;
    for (const connection of this.connections) {
      const affected = [...connection.channels.values()].filter((ch) => ch.access.userId === userId);
      for (const access of connection.accesses.values()) if (access.userId === userId) access.forgetMemberships();
      for (const channel of affected) this.enqueue(connection, () => this.recheck(connection, channel));
    }
  }

  /** An assignment may have changed: re-check the channels about this conversation. */
  private conversationChanged(conversationId: string): void {
    for (const connection of this.connections) {
      for (const channel of connection.channels.values()) {
        if (conversationOfTopic(channel.topic) === conversationId.toLowerCase()) this.enqueue(connection, () => this.recheck(connection, channel));
      }
    }
  }
}
