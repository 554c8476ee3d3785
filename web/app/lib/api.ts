import { config } from './config';
import { currentSession } from './supabase';

/** The API's error body (NestJS): `message` is a list of field messages on validation errors. */
export interface ApiErrorBody {
  statusCode: number;
  message: string | string[];
  error?: string;
}

/** A failed API call, carrying the server's `{ statusCode, message, error }`. */
export class ApiError extends Error {
  readonly statusCode: number;
  readonly error: string;
  /** The message(s) as a list, whichever shape the API sent. */
  readonly messages: string[];

  constructor(readonly body: ApiErrorBody) {
    const messages = Array.isArray(body.message) ? body.message : [String(body.message ?? '')].filter(Boolean);
    super(messages.join('. ') || body.error || `Request failed (${body.statusCode})`);
    this.name = 'ApiError';
    this.statusCode = body.statusCode;
    this.error = body.error ?? '';
    this.messages = messages;
  }

  /** Same as statusCode (0 when the API could not be reached). */
  get status(): number {
    return this.statusCode;
  }

  /**
   * Field messages keyed by field name. class-validator messages start with the property
   * ("website must be a URL address"), so the first word names the field.
   */
  fieldErrors(fields: readonly string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const message of this.messages) {
      const field = fields.find((f) => message === f || message.startsWith(`${f} `) || message.startsWith(`${f}.`));
      if (field && !out[field]) out[field] = humanize(message, field);
    }
    return out;
  }

  /** Messages that belong to none of `fields`, for a callout above the form. */
  formError(fields: readonly string[]): string | null {
    const rest = this.messages.filter((m) => !fields.some((f) => m === f || m.startsWith(`${f} `) || m.startsWith(`${f}.`)));
    return rest.length ? rest.join('. ') : null;
  }
}

/** "website must be a URL address" → "Must be a URL address". */
function humanize(message: string, field: string): string {
  const rest = message.slice(field.length).trim();
  return rest ? rest[0]!.toUpperCase() + rest.slice(1) : message;
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/** The message to show for any thrown value. */
export const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));

type Init = { method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; body?: unknown; signal?: AbortSignal };

/** JSON fetch against the API with the signed-in user's bearer token. Throws ApiError. */
export async function api<T = unknown>(path: string, init: Init = {}): Promise<T> {
  const session = await currentSession();
  let res: Response;
  try {
    res = await fetch(config().apiUrl + path, {
      method: init.method ?? 'GET',
      signal: init.signal,
      headers: {
        accept: 'application/json',
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(session ? { authorization: `Bearer ${session.access_token}` } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError({ statusCode: 0, error: 'Network Error', message: 'Could not reach the CrossChat API. Check your connection and try again.' });
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = { message: text };
  }
  if (!res.ok) {
    const body = (data ?? {}) as Partial<ApiErrorBody> & { msg?: string };
    throw new ApiError({ statusCode: body.statusCode ?? res.status, error: body.error ?? res.statusText, message: body.message ?? body.msg ?? res.statusText });
  }
  return data as T;
}
