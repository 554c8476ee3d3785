import path from 'node:path';
import { ROOT } from './paths.mjs';
import { log } from './log.mjs';
import { runProcess, waitForHttp } from './procs.mjs';

/**
 * Starts API, worker and web against running services. `env` carries DATABASE_URL and
 * TEMPORAL_ADDRESS plus anything else the processes should see. Returns at once so the
 * caller can always stop what was started; `ready` settles when both servers answer.
 */
export function startApps({ env, apiPort, webPort, onCrash }) {
  const node = process.execPath;
  const apiUrl = `http://localhost:${apiPort}`;
  const common = { ...env, API_PORT: String(apiPort), WEB_PORT: String(webPort), API_URL: apiUrl, API_PUBLIC_URL: apiUrl, APP_URL: env.APP_URL || `http://localhost:${webPort}` };
  const apps = [
    runProcess('api', node, [path.join(ROOT, 'api/dist/main.js')], { env: common, cwd: ROOT, onExit: (c) => onCrash?.('api', c) }),
    runProcess('worker', node, [path.join(ROOT, 'workers/dist/main.js')], { env: common, cwd: ROOT, onExit: (c) => onCrash?.('worker', c) }),
    runProcess('web', node, [path.join(ROOT, 'web/server.js')], { env: common, cwd: path.join(ROOT, 'web'), onExit: (c) => onCrash?.('web', c) }),
  ];
  const stop = async () => {
    await Promise.all(apps.map((a) => a.stop()));
  };
  const ready = Promise.all([waitForHttp(`http://127.0.0.1:${apiPort}/health`), waitForHttp(`http://127.0.0.1:${webPort}/config.js`)]);
  return { apiUrl, webUrl: `http://localhost:${webPort}`, stop, ready };
}
