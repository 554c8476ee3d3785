export { createWorker, bundleWorkflows, workflowsEntry, type CrossChatWorker } from './worker.js';
export { createActivities, type ActivityDeps } from './activities/index.js';
export { ensureSearchAttributes, SEARCH_ATTRIBUTES } from './search-attributes.js';
