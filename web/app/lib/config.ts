export interface RuntimeConfig {
  apiUrl: string;
  supabaseUrl: string;
  supabaseAnonKey: string;
}

declare global {
  interface Window {
    __CROSSCHAT_CONFIG__?: RuntimeConfig;
  }
}

/** Set by /config.js (web/server.js or the dev server) before the app loads. */
export function config(): RuntimeConfig {
  return window.__CROSSCHAT_CONFIG__ ?? { apiUrl: 'http://localhost:3001', supabaseUrl: 'http://localhost:3001', supabaseAnonKey: 'crosschat-anon' };
}
