// Production server of the dashboard (plain Node ESM, no build step of its own):
// serves the static SPA build in web/build/client with sirv, falling back to index.html for
// client-side routes, plus GET /config.js with the runtime settings from the environment.
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { runtimeConfigScript } from './config.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.WEB_PORT || 3000);
const host = process.env.WEB_HOST || '127.0.0.1';
const configScript = runtimeConfigScript(process.env);

const assets = sirv(path.join(here, 'build/client'), {
  single: true,
  etag: true,
  gzip: true,
  brotli: true,
  // Hashed files under /assets never change; everything else (index.html, widget.js) revalidates.
  setHeaders(res, pathname) {
    res.setHeader('cache-control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
  },
});

const server = http.createServer((req, res) => {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'strict-origin-when-cross-origin');
  const pathname = (req.url || '/').split('?')[0];
  if (pathname === '/config.js') {
    res.writeHead(200, { 'content-type': 'application/javascript; charset=utf-8', 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : configScript);
    return;
  }
  assets(req, res, () => {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Not found');
  });
});

server.listen(port, host, () => {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  console.log(`dashboard listening on http://${shown}:${port}`);
});

let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`dashboard: ${signal}, shutting down`);
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 3000).unref();
}
process.once('SIGINT', () => stop('SIGINT'));
process.once('SIGTERM', () => stop('SIGTERM'));
