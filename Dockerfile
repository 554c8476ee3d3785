# One image build for the three CrossChat processes; pick one with --target api|worker|web.
# Node 24 (what the project runs on); npm workspaces; SWC + Vite builds.
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
COPY core/package.json core/
COPY workflows/package.json workflows/
COPY workers/package.json workers/
COPY api/package.json api/
COPY web/package.json web/
RUN npm ci --no-audit --no-fund
COPY . .
RUN node scripts/build.mjs && npm prune --omit=dev --no-audit --no-fund

FROM node:24-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app /app
# Writable state (uploads, .eml mail without SMTP) lives under /data, a volume in docker-compose.
RUN mkdir -p /data/uploads /data/mail && chown -R node:node /data
ENV UPLOAD_DIR=/data/uploads MAIL_DIR=/data/mail
USER node

FROM runtime AS api
ENV API_HOST=0.0.0.0 API_PORT=3001
EXPOSE 3001
HEALTHCHECK --interval=10s --timeout=3s --retries=6 CMD node -e "fetch('http://127.0.0.1:3001/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["sh", "-c", "node -e \"import('./core/dist/index.js').then(m => m.migrate(process.env.DATABASE_URL))\" && node api/dist/main.js"]

FROM runtime AS worker
# Bundles workflows/dist at startup; on SIGTERM it stops polling and lets running activities finish.
CMD ["node", "workers/dist/main.js"]

FROM runtime AS web
ENV WEB_HOST=0.0.0.0 WEB_PORT=3000
EXPOSE 3000
CMD ["node", "web/server.js"]
