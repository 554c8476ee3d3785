// Serves the built dashboard (web/build/client) with SPA fallback, plus /config.js.
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { runtimeConfigScript } from './config.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.WEB_PORT || 3000);
const host = process.env.WEB_HOST || '127.0.0.1';
const assets = sirv(path.join(here, 'build/client'), { single: true, etag: true, gzip: true, brotli: true });
const configScript = runtimeConfigScript(process.env);

const server = http.createServer((req, res) => {
  if (req.url === '/config.js') {
    res.writeHead(200, { 'content-type': 'application/javascript; charset=utf-8', 'cache-control': 'no-store' });
    res.end(configScript);
    return;
  }
  assets(req, res, () => {
    res.writeHead(404);
    res.end('Not found');
  });
});

server.listen(port, host, () => console.log(`dashboard on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`));
const stop = () => server.close(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
