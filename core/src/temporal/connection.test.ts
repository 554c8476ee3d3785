import { describe, expect, it } from '@jest/globals';
import { loadSettings } from '../config/env.js';
import { temporalConnectionOptions } from './connection.js';

describe('temporalConnectionOptions', () => {
  it('is a plain address for a local dev server', () => {
    expect(temporalConnectionOptions(loadSettings({ TEMPORAL_ADDRESS: '127.0.0.1:7233' }))).toEqual({ address: '127.0.0.1:7233' });
  });

  it('passes a Temporal Cloud API key and leaves TLS to the SDK default (on with a key)', () => {
    const settings = loadSettings({ TEMPORAL_ADDRESS: 'ns.acct.tmprl.cloud:7233', TEMPORAL_API_KEY: 'key-123' });
    expect(temporalConnectionOptions(settings)).toEqual({ address: 'ns.acct.tmprl.cloud:7233', apiKey: 'key-123' });
  });

  it('honours TEMPORAL_TLS both ways', () => {
    expect(temporalConnectionOptions(loadSettings({ TEMPORAL_TLS: '1' })).tls).toBe(true);
    expect(temporalConnectionOptions(loadSettings({ TEMPORAL_TLS: 'true' })).tls).toBe(true);
    expect(temporalConnectionOptions(loadSettings({ TEMPORAL_TLS: '0', TEMPORAL_API_KEY: 'k' }))).toMatchObject({ tls: false, apiKey: 'k' });
    expect(temporalConnectionOptions(loadSettings({ TEMPORAL_TLS: '' })).tls).toBeUndefined();
  });
});
