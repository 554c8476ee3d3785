/** Phoenix channel frames as @supabase/realtime-js speaks them (vsn 1.0.0 objects, 2.0.0 arrays). */
export interface Frame {
  join_ref: string | null;
  ref: string | null;
  topic: string;
  event: string;
  payload: any;
}

export type Vsn = '1.0.0' | '2.0.0';

const USER_BROADCAST_PUSH = 3;

/** Decodes a client frame; vsn 2 broadcast pushes arrive binary (kind 3). */
export function decodeFrame(data: Buffer | string, isBinary: boolean, vsn: Vsn): Frame | null {
  if (isBinary) return decodeBinaryBroadcastPush(Buffer.isBuffer(data) ? data : Buffer.from(data));
  const parsed = JSON.parse(data.toString());
  if (vsn === '2.0.0' && Array.isArray(parsed)) {
    const [join_ref, ref, topic, event, payload] = parsed;
    return { join_ref, ref, topic, event, payload };
  }
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
    return { join_ref: parsed.join_ref ?? null, ref: parsed.ref ?? null, topic: parsed.topic, event: parsed.event, payload: parsed.payload };
  }
  return null;
}

function decodeBinaryBroadcastPush(buf: Buffer): Frame | null {
  if (buf.length < 7 || buf[0] !== USER_BROADCAST_PUSH) return null;
  const [joinRefLen, refLen, topicLen, eventLen, metaLen, encoding] = [buf[1]!, buf[2]!, buf[3]!, buf[4]!, buf[5]!, buf[6]!];
  let offset = 7;
  const take = (n: number) => {
    const s = buf.subarray(offset, offset + n).toString('utf8');
    offset += n;
    return s;
  };
  const joinRef = take(joinRefLen);
  const ref = take(refLen);
  const topic = take(topicLen);
  const event = take(eventLen);
  const meta = take(metaLen);
  const body = buf.subarray(offset);
  const payload = encoding === 1 ? JSON.parse(body.toString('utf8') || 'null') : Array.from(body);
  return {
    join_ref: joinRef || null,
    ref: ref || null,
    topic,
    event: 'broadcast',
    payload: { type: 'broadcast', event, payload, ...(meta ? { meta: JSON.parse(meta) } : {}) },
  };
}

/** Server frames go out as text in both versions (binary server broadcast is optional). */
export function encodeFrame(frame: Frame, vsn: Vsn): string {
  if (vsn === '2.0.0') return JSON.stringify([frame.join_ref, frame.ref, frame.topic, frame.event, frame.payload]);
  return JSON.stringify(frame);
}
