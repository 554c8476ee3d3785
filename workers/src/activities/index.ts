import type { MikroORM } from '@mikro-orm/postgresql';
import type { ChannelRegistry, Settings } from '@crosschat/core';
import { createDeliveryActivities } from './delivery.activities.js';
import { createConversationActivities } from './conversation.activities.js';
import { createBillingActivities } from './billing.activities.js';

export interface ActivityDeps {
  orm: MikroORM;
  settings: Settings;
  channels: ChannelRegistry;
}

/** Every activity the worker registers, built with their dependencies. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createDeliveryActivities(deps.orm, deps.channels),
    ...createConversationActivities(deps.orm),
    ...createBillingActivities(deps.orm),
  };
}
