import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import { spawn, spawnSync } from 'node:child_process';
import { log } from './log.mjs';
import { TOOLS_DIR } from './paths.mjs';

/** Pinned: v1.5.1 is the newest release that plain `go install` builds (see docs/decisions). */
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal';
export const TEMPORAL_CLI_VERSION = 'v1.5.1';

export const SEARCH_ATTRIBUTES = {
  BusinessId: 'Keyword',
  ConversationId: 'Keyword',
  Platform: 'Keyword',
  Status: 'Keyword',
};

function onPath(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Finds the Temporal CLI: on PATH, else project-local, else builds the pinned release with Go. */
export function ensureTemporalCli() {
  const local = path.join(TOOLS_DIR, 'bin', 'temporal');
  if (fs.existsSync(local)) return local;
  const system = onPath('temporal');
  if (system) return system;
  if (!onPath('go')) {
    throw new Error('The Temporal CLI is not installed and Go is missing to build it. Install Go (>= 1.25) or put `temporal` on PATH, or set TEMPORAL_ADDRESS to an existing server.');
  }
  log('temporal', `building the Temporal CLI ${TEMPORAL_CLI_VERSION} with Go into .tools/bin (first run only: a few minutes)…`);
  const r = spawnSync('go', ['install', `${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION}`], {
    stdio: 'inherit',
    env: { ...process.env, GOBIN: path.join(TOOLS_DIR, 'bin') },
  });
  if (r.status !== 0 || !fs.existsSync(local)) throw new Error(`go install ${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION} failed`);
  return local;
}

export function waitForPort(port, host = '127.0.0.1', timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = net.connect(port, host);
      socket.once('connect', () => { socket.destroy(); resolve(); });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`nothing listens on ${host}:${port} after ${timeoutMs} ms`));
        else setTimeout(attempt, 150);
      });
    };
    attempt();
  });
}

/** Starts `temporal server start-dev` with its SQLite file in `dbFile` (in memory when null). */
export async function startTemporalDevServer({ cli, port, uiPort, dbFile, headless = false }) {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--log-level', 'error'];
  if (headless) args.push('--headless');
  else args.push('--ui-port', String(uiPort));
  if (dbFile) {
    fs.mkdirSync(path.dirname(dbFile), { recursive: true });
    args.push('--db-filename', dbFile);
  }
  for (const [name, type] of Object.entries(SEARCH_ATTRIBUTES)) args.push('--search-attribute', `${name}=${type}`);
  const child = spawn(cli, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d) => log('temporal', d.toString()));
  child.stderr.on('data', (d) => log('temporal', d.toString()));
  const exited = new Promise((_, reject) => child.once('exit', (code) => reject(new Error(`temporal dev server exited with code ${code}`))));
  await Promise.race([waitForPort(port), exited]);
  log('temporal', `Temporal dev server is up on 127.0.0.1:${port}${headless ? '' : `, Web UI on http://localhost:${uiPort}`}`);
  return { child, stop: () => stopChild(child) };
}

export function stopChild(child, signal = 'SIGTERM', timeoutMs = 10_000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => { clearTimeout(timer); resolve(); });
    child.kill(signal);
  });
}
