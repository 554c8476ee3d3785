import { reactRouter } from '@react-router/dev/vite';
import { defineConfig, type Plugin } from 'vite';
import { runtimeConfigScript } from './config.js';

/** `react-router dev` serves /config.js like web/server.js does in production. */
const runtimeConfig = (): Plugin => ({
  name: 'crosschat-runtime-config',
  configureServer(server) {
    server.middlewares.use('/config.js', (_req, res) => {
      res.setHeader('content-type', 'application/javascript');
      res.end(runtimeConfigScript(process.env));
    });
  },
});

export default defineConfig({ plugins: [runtimeConfig(), reactRouter()], build: { minify: process.env.WEB_MINIFY !== '0' } });
