import type { Settings } from '../config/env.js';

/** What both Temporal connections (client and worker) need; structurally fits either SDK's options. */
export interface TemporalConnectionOptions {
  address: string;
  tls?: boolean;
  apiKey?: string;
}

/**
 * Connection options from settings: a local dev server needs only the address; Temporal Cloud
 * takes an API key (the SDK turns TLS on with it unless TEMPORAL_TLS=0 says otherwise).
 */
export function temporalConnectionOptions(settings: Pick<Settings, 'temporalAddress' | 'temporalApiKey' | 'temporalTls'>): TemporalConnectionOptions {
  return {
    address: settings.temporalAddress,
    ...(settings.temporalTls !== undefined ? { tls: settings.temporalTls } : {}),
    ...(settings.temporalApiKey ? { apiKey: settings.temporalApiKey } : {}),
  };
}
