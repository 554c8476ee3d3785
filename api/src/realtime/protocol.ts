/** Phoenix channel frames as @supabase/realtime-js speaks them (vsn 1.0.0 objects, 2.0.0 arrays). */
export interface Frame {
  join_ref: string | null;
  ref: string | null;
  topic: string;
  event: string;
  payload: any;
}

export type Vsn = '1.0.0' | '2.0.0';

/** A broadcast as it travels between sockets and instances; binary payloads as base64. */
export interface BroadcastMessage {
  event: string;
  payload?: unknown;
  binary?: string;
}

const USER_BROADCAST_PUSH = 3;
const USER_BROADCAST = 4;
const BINARY_ENCODING = 0;
const JSON_ENCODING = 1;

export function parseVsn(raw: string | null): Vsn {
  return raw === '2.0.0' ? '2.0.0' : '1.0.0';
}

/** Decodes a client frame; under vsn 2 broadcast pushes arrive binary (kind 3). */
export function decodeFrame(data: Buffer, isBinary: boolean, vsn: Vsn): Frame | null {
  if (isBinary) return decodeUserBroadcastPush(data);
  const parsed = JSON.parse(data.toString('utf8'));
  if (vsn === '2.0.0' && Array.isArray(parsed)) {
    const [join_ref, ref, topic, event, payload] = parsed;
    return { join_ref: join_ref ?? null, ref: ref ?? null, topic, event, payload };
  }
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
    return { join_ref: parsed.join_ref ?? null, ref: parsed.ref ?? null, topic: parsed.topic, event: parsed.event, payload: parsed.payload };
  }
  return null;
}

/**
 * Kind 3: u8 kind, u8 joinRefLen, u8 refLen, u8 topicLen, u8 eventLen, u8 metaLen, u8 encoding,
 * then joinRef, ref, topic, user event, metadata (JSON or empty), payload (JSON text or bytes).
 */
function decodeUserBroadcastPush(buf: Buffer): Frame | null {
  if (buf.length < 7 || buf[0] !== USER_BROADCAST_PUSH) return null;
  const lengths = [buf[1]!, buf[2]!, buf[3]!, buf[4]!, buf[5]!];
  const encoding = buf[6]!;
  let offset = 7;
  const [joinRef, ref, topic, event, meta] = lengths.map((n) => {
    const s = buf.subarray(offset, offset + n).toString('utf8');
    offset += n;
    return s;
  }) as [string, string, string, string, string];
  if (offset > buf.length) return null;
  const body = buf.subarray(offset);
  const message: BroadcastMessage & { type: 'broadcast'; meta?: unknown } = { type: 'broadcast', event };
  if (encoding === JSON_ENCODING) message.payload = JSON.parse(body.toString('utf8') || 'null');
  else message.binary = body.toString('base64');
  if (meta) message.meta = JSON.parse(meta);
  return { join_ref: joinRef || null, ref: ref || null, topic, event: 'broadcast', payload: message };
}

/** Server frames go out as text in both versions. */
export function encodeFrame(frame: Frame, vsn: Vsn): string {
  if (vsn === '2.0.0') return JSON.stringify([frame.join_ref, frame.ref, frame.topic, frame.event, frame.payload]);
  return JSON.stringify(frame);
}

/**
 * A broadcast fan-out frame. JSON payloads go as text; binary payloads as kind 4 under vsn 2
 * (u8 kind, u8 topicLen, u8 eventLen, u8 metaLen, u8 encoding, topic, event, metadata, bytes),
 * and as a byte array under vsn 1, which has no binary frames.
 */
export function encodeBroadcast(topic: string, message: BroadcastMessage, vsn: Vsn): string | Buffer {
  if (message.binary !== undefined && vsn === '2.0.0') {
    const t = Buffer.from(topic, 'utf8');
    const e = Buffer.from(message.event, 'utf8');
    if (t.length <= 255 && e.length <= 255) {
      return Buffer.concat([Buffer.from([USER_BROADCAST, t.length, e.length, 0, BINARY_ENCODING]), t, e, Buffer.from(message.binary, 'base64')]);
    }
  }
  const payload = message.binary !== undefined ? Array.from(Buffer.from(message.binary, 'base64')) : message.payload;
  return encodeFrame({ join_ref: null, ref: null, topic, event: 'broadcast', payload: { type: 'broadcast', event: message.event, payload } }, vsn);
}
