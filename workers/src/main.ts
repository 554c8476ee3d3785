import { loadSettings } from '@crosschat/core';
import { createWorker } from './worker.js';

const settings = loadSettings();
const worker = await createWorker(settings);
const stop = () => {
  console.log('worker: shutting down (finishing running activities)…');
  void worker.shutdown().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
console.log(`worker: polling task queue "${settings.temporalTaskQueue}" on ${settings.temporalAddress}`);
await worker.run();
