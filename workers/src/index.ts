export { createWorker, bundleWorkflows, type CrossChatWorker } from './worker.js';
export { createActivities } from './activities/index.js';
export { ensureSearchAttributes } from './search-attributes.js';
