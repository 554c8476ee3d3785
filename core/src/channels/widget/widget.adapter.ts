import type { ChannelAdapter, OutboundContext, SendResult } from '../adapter.js';

/**
 * The website widget has no third party in between: the visitor's browser receives the reply
 * through the realtime channel of its conversation as soon as the row changes. Delivery is
 * therefore immediate; `read` is set when the widget reports it.
 */
export class WidgetChannelAdapter implements ChannelAdapter {
  readonly platform = 'widget';

  async send(context: OutboundContext): Promise<SendResult> {
    return { platformMessageId: `widget:${context.message.id}` };
  }
}
