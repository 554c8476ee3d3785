// Runtime configuration of the dashboard, read from the environment of the web process and
// handed to the browser as /config.js (so one build runs against any API).

/** @param {NodeJS.ProcessEnv} env */
export function runtimeConfig(env) {
  const apiUrl = env.API_URL || `http://localhost:${env.API_PORT || 3001}`;
  return {
    apiUrl,
    supabaseUrl: env.SUPABASE_URL || apiUrl,
    supabaseAnonKey: env.SUPABASE_ANON_KEY || 'crosschat-anon',
  };
}

/** @param {NodeJS.ProcessEnv} env */
export function runtimeConfigScript(env) {
  return `window.__CROSSCHAT_CONFIG__ = ${JSON.stringify(runtimeConfig(env))};\n`;
}
