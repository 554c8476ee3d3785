import { buildServer, buildWeb } from './lib/build.mjs';

buildServer({ force: true });
buildWeb({ force: true });
