import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { log } from './log.mjs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Finds Debian's Chromium, installing the `chromium` package when it is missing (never a downloaded browser). */
export function ensureChromium() {
  const configured = process.env.CHROMIUM_PATH;
  if (configured && fs.existsSync(configured)) return configured;
  const found = CANDIDATES.find((p) => fs.existsSync(p));
  if (found) return found;
  const asRoot = process.getuid?.() === 0;
  log('test', 'Chromium is missing: installing the Debian `chromium` package…');
  const sudo = asRoot ? [] : ['sudo'];
  const run = (args) => spawnSync(sudo[0] ?? args[0], sudo.length ? args : args.slice(1), { stdio: 'inherit' });
  run(['apt-get', 'update', '-qq']);
  const r = run(['apt-get', 'install', '-y', '-qq', 'chromium']);
  const installed = CANDIDATES.find((p) => fs.existsSync(p));
  if (r.status !== 0 || !installed) throw new Error('could not install chromium with apt-get; install it (apt-get install chromium) or set CHROMIUM_PATH');
  return installed;
}
