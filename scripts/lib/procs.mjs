import { spawn } from 'node:child_process';
import { log } from './log.mjs';
import { stopChild } from './temporal.mjs';

/** Runs one of our processes with prefixed output; `onExit` hears about unexpected exits. */
export function runProcess(name, command, args, { env, cwd, onExit } = {}) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d) => log(name, d.toString()));
  child.stderr.on('data', (d) => log(name, d.toString()));
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) onExit?.(code, signal);
  });
  return {
    name,
    child,
    stop: () => {
      stopping = true;
      return stopChild(child);
    },
  };
}

export async function waitForHttp(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.status < 500 || res.status === 503) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
