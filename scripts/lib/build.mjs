import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from './paths.mjs';
import { log } from './log.mjs';

export const SERVER_WORKSPACES = ['core', 'workflows', 'workers', 'api'];

function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

function run(cmd, args, cwd = ROOT) {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed with code ${r.status}`);
}

/** Compiles the TypeScript workspaces with SWC into dist/ (skipped when dist is newer than src). */
export function buildServer({ force = false } = {}) {
  for (const ws of SERVER_WORKSPACES) {
    const src = path.join(ROOT, ws, 'src');
    const dist = path.join(ROOT, ws, 'dist');
    if (!force && fs.existsSync(dist) && newestMtime(dist) >= newestMtime(src)) continue;
    log('crosschat', `compiling ${ws}/`);
    fs.rmSync(dist, { recursive: true, force: true });
    run('swc', ['src', '-d', 'dist', '--strip-leading-paths', '--config-file', path.join(ROOT, '.swcrc'), '--ignore', '**/*.test.ts', '--quiet'], path.join(ROOT, ws));
  }
}

/** Builds the dashboard (React Router, SPA mode) when its sources changed. */
export function buildWeb({ force = false } = {}) {
  const web = path.join(ROOT, 'web');
  const out = path.join(web, 'build', 'client');
  const sources = Math.max(newestMtime(path.join(web, 'app')), newestMtime(path.join(web, 'public')));
  if (!force && fs.existsSync(out) && newestMtime(out) >= sources) return;
  log('crosschat', 'building the dashboard (web/)');
  run(path.join(ROOT, 'node_modules/.bin/react-router'), ['build'], web);
}
