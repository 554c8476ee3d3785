import { loadSettings } from '@crosschat/core';
import { createWorker } from './worker.js';
import { ensureSearchAttributes } from './search-attributes.js';

const settings = loadSettings();
try {
  const added = await ensureSearchAttributes(settings);
  if (added.length) console.log(`worker: registered search attributes ${added.join(', ')}`);
} catch (error) {
  // Temporal Cloud API keys may not allow operator calls; attributes are then created in its UI.
  console.warn(`worker: could not check search attributes: ${(error as Error).message}`);
}
const worker = await createWorker(settings);
const stop = () => {
  console.log('worker: shutting down (finishing running activities)…');
  void worker.shutdown().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
console.log(`worker: polling task queue "${settings.temporalTaskQueue}" on ${settings.temporalAddress}`);
await worker.run();
