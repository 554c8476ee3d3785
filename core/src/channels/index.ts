export * from './adapter.js';
export * from './widget/widget.adapter.js';
import { ChannelRegistry } from './adapter.js';
import { WidgetChannelAdapter } from './widget/widget.adapter.js';

/** Every channel the worker can deliver to. */
export function defaultChannelRegistry(): ChannelRegistry {
  return new ChannelRegistry([new WidgetChannelAdapter()]);
}
