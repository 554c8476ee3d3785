#!/bin/sh
# Entry point of `npm start`, `npm test` and `npm run bench`: installs what is missing, then
# hands over to the Node 24 that the `node` devDependency puts in node_modules/.bin.
set -e
cd "$(dirname "$0")/.."
if [ ! -x node_modules/.bin/node ]; then
  echo "[crosschat] installing npm dependencies (first run: about a minute)…"
  npm ci --no-audit --no-fund --loglevel=error
elif [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[crosschat] package-lock.json changed: updating npm dependencies…"
  npm install --no-audit --no-fund --loglevel=error
fi
PATH="$(pwd)/node_modules/.bin:$PATH"
export PATH
exec node "scripts/$1.mjs" "$@"
