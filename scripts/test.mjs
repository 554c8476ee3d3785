// `npm test`: builds, starts fresh test services (embedded Postgres + Temporal dev server unless
// DATABASE_URL / TEMPORAL_ADDRESS are set), runs every Jest suite, then the browser end-to-end
// suite against the full stack, and ends with one summary line.
import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import { spawn } from 'node:child_process';
import { DATA_DIR, ROOT } from './lib/paths.mjs';
import { log } from './lib/log.mjs';
import { buildServer, buildWeb } from './lib/build.mjs';
import { startServices } from './lib/services.mjs';
import { startApps } from './lib/stack.mjs';
import { ensureChromium } from './lib/chromium.mjs';

const extraJestArgs = process.argv.slice(3);
// `npm test -- <path>` runs only the matching suites; the browser suite runs only when asked for.
const skipE2e = process.env.SKIP_E2E === '1' || (extraJestArgs.length > 0 && !extraJestArgs.some((arg) => arg.includes('e2e')));
const started = Date.now();

const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
const freePort = () => new Promise((resolve, reject) => {
  const server = net.createServer().once('error', reject).listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});

// A second `npm test` while one is running (another terminal, a helper) gets its own folder
// and free ports instead of wiping the first one's data.
const lockFile = path.join(DATA_DIR, 'test-run.lock');
fs.mkdirSync(DATA_DIR, { recursive: true });
const ownerPid = Number(fs.existsSync(lockFile) ? fs.readFileSync(lockFile, 'utf8') : 0);
const concurrent = ownerPid > 0 && ownerPid !== process.pid && alive(ownerPid);
if (!concurrent) {
  fs.writeFileSync(lockFile, String(process.pid));
  process.once('exit', () => fs.rmSync(lockFile, { force: true }));
}
const testData = path.join(DATA_DIR, concurrent ? `test-run-${process.pid}` : 'test-run');
const resultsDir = path.join(ROOT, 'test-results', ...(concurrent ? [`run-${process.pid}`] : []));
const ports = concurrent
  ? { pg: await freePort(), temporal: await freePort(), api: await freePort(), web: await freePort() }
  : { pg: Number(process.env.TEST_PGPORT || 54349), temporal: Number(process.env.TEST_TEMPORAL_PORT || 7255), api: 3911, web: 3910 };
if (concurrent) log('test', `another npm test is running (pid ${ownerPid}): this one uses ${testData} and its own ports`);
fs.rmSync(testData, { recursive: true, force: true });
fs.rmSync(resultsDir, { recursive: true, force: true });
fs.mkdirSync(resultsDir, { recursive: true });

buildServer();
if (!skipE2e) buildWeb();
const chromium = skipE2e ? undefined : ensureChromium();

const services = await startServices({
  dataDir: testData, pgPort: ports.pg, dbName: 'crosschat_test', temporalPort: ports.temporal, temporalUiPort: 0, temporalDbFile: null, headless: true,
});
let apps;
const totals = { passed: 0, failed: 0, skipped: 0, suitesFailed: 0 };

function jest(name, args, env) {
  const output = path.join(testData, `jest-${name}.json`);
  return new Promise((resolve) => {
    // With a path filter the integration run may match nothing; that is not a failure.
    const filter = extraJestArgs.length ? ['--passWithNoTests'] : [];
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/jest/bin/jest.js'), '--json', `--outputFile=${output}`, ...filter, ...extraJestArgs, ...args], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, ...env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-warnings=ExperimentalWarning`.trim() },
    });
    child.once('exit', (code) => {
      try {
        const r = JSON.parse(fs.readFileSync(output, 'utf8'));
        totals.passed += r.numPassedTests;
        totals.failed += r.numFailedTests;
        totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
        totals.suitesFailed += r.numFailedTestSuites + (r.numRuntimeErrorTestSuites ?? 0);
      } catch {
        totals.suitesFailed += 1;
      }
      resolve(code ?? 1);
    });
  });
}

let exitCode = 1;
try {
  const { migrate } = await import('../core/dist/index.js');
  await migrate(services.env.DATABASE_URL);
  const env = { ...services.env, MAIL_DIR: path.join(testData, 'mail'), TEST_RESULTS_DIR: resultsDir, CROSSCHAT_TEST: '1' };

  log('test', 'unit and integration suites (real Postgres, real Temporal)');
  const code1 = await jest('integration', ['--maxWorkers=2', '--testPathIgnorePatterns=/node_modules/|/dist/|/build/|\\.e2e\\.ts$'], env);

  let code2 = 0;
  if (!skipE2e) {
    log('test', 'browser end-to-end suite (headless Chromium against the running stack)');
    let crashed = null;
    const webUrl = `http://127.0.0.1:${ports.web}`;
    apps = startApps({ env: { ...env, APP_URL: webUrl }, apiPort: ports.api, webPort: ports.web, onCrash: (name, code) => { crashed = `${name} exited with code ${code}`; } });
    await apps.ready;
    if (crashed) throw new Error(crashed);
    code2 = await jest('e2e', ['--runInBand', ...(extraJestArgs.length ? [] : ['--testPathPatterns=\\.e2e\\.ts$'])], {
      ...env, WEB_URL: webUrl, API_URL: apps.apiUrl, CHROMIUM_PATH: chromium,
    });
  }
  exitCode = code1 === 0 && code2 === 0 && totals.suitesFailed === 0 && totals.failed === 0 ? 0 : 1;
} catch (error) {
  log('test', `test run failed: ${error?.stack ?? error}`);
} finally {
  await apps?.stop().catch(() => {});
  await services.stop();
  if (concurrent) {
    fs.rmSync(testData, { recursive: true, force: true });
    if (!fs.readdirSync(resultsDir).length) fs.rmdirSync(resultsDir);
  }
}

const seconds = ((Date.now() - started) / 1000).toFixed(0);
log('test', `screenshots and reports: ${resultsDir}`);
console.log(`\n${exitCode === 0 ? 'PASS' : 'FAIL'} in ${seconds} s`);
console.log(`TOTAL: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(exitCode);
