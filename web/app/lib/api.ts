import { config } from './config';
import { currentSession } from './supabase';

/** An API error with the server's message(s): field messages come as a list. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly messages: string[]) {
    super(messages.join('\n') || `Request failed (${status})`);
  }

  /** The first message that mentions `field`, for showing under that input. */
  forField(field: string): string | undefined {
    return this.messages.find((m) => m.toLowerCase().startsWith(field.toLowerCase()) || m.toLowerCase().includes(` ${field.toLowerCase()} `));
  }
}

export async function api<T = unknown>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const session = await currentSession();
  const res = await fetch(config().apiUrl + path, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(session ? { authorization: `Bearer ${session.access_token}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const message = data?.message ?? data?.msg ?? res.statusText;
    throw new ApiError(res.status, Array.isArray(message) ? message : [String(message)]);
  }
  return data as T;
}
