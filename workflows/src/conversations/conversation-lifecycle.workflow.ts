import {
  condition, continueAsNew, defineQuery, defineSignal, patched, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo,
} from '@temporalio/workflow';
import type * as activities from '../activity-types.js';
import { StatusKey } from '../search-attributes.js';
import type { ConversationLifecycleInput, ConversationLifecycleState, MessageReceivedSignal, StatusChangedSignal } from './types.js';

export const messageReceived = defineSignal<[MessageReceivedSignal]>('messageReceived');
export const statusChanged = defineSignal<[StatusChangedSignal]>('statusChanged');
export const lifecycleState = defineQuery<ConversationLifecycleState>('state');

const { sendAutomaticReplies, autoResolveConversation, reopenSnoozedConversation } = proxyActivities<typeof activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', maximumAttempts: 10 },
});

const MAX_SEEN_IDS = 500;
const CONTINUE_AS_NEW_AFTER_EVENTS = 5_000;

/**
 * The life of one conversation: greets the customer (or says the team is away), tracks
 * open/pending/resolved/closed and snoozes, reopens a snoozed conversation on time and
 * resolves it after a quiet period. Repeated webhooks signal again; ids already seen are ignored.
 * Ends when the conversation is resolved or closed; the next customer message starts a new run.
 */
export async function conversationLifecycle(input: ConversationLifecycleInput): Promise<ConversationLifecycleState> {
  const seen = new Set<string>(input.seenMessageIds ?? []);
  const inbox: (MessageReceivedSignal & { seq: number })[] = [];
  // Signal order: a message that arrived before a status change must not undo it.
  let signalSeq = 0;
  let statusSeq = 0;
  const state: ConversationLifecycleState = {
    status: 'open',
    snoozedUntil: null,
    messagesSeen: seen.size,
    greeted: input.greeted ?? false,
    lastActivityAt: new Date().toISOString(),
    quietUntil: null,
  };
  let statusDirty = false;

  setHandler(messageReceived, (signal) => {
    if (seen.has(signal.messageId)) return;
    seen.add(signal.messageId);
    if (seen.size > MAX_SEEN_IDS) seen.delete(seen.values().next().value as string);
    inbox.push({ ...signal, seq: ++signalSeq });
  });
  setHandler(statusChanged, (signal) => {
    statusSeq = ++signalSeq;
    state.status = signal.status;
    state.snoozedUntil = signal.snoozedUntil ?? null;
    statusDirty = true;
  });
  setHandler(lifecycleState, () => ({ ...state, messagesSeen: seen.size }));

  const publishStatus = () => upsertSearchAttributes([{ key: StatusKey, value: state.status }]);
  publishStatus();

  for (;;) {
    while (inbox.length) {
      const signal = inbox.shift()!;
      state.lastActivityAt = new Date().toISOString();
      if (signal.senderType === 'customer') {
        // Only a message after the latest status change reopens (runs from before this rule reopened always).
        if (state.status !== 'open' && (signal.seq > statusSeq || !patched('status-signal-order'))) {
          state.status = 'open';
          state.snoozedUntil = null;
          publishStatus();
        }
        // Runs started before the quiet window asked for automatic replies on every message.
        const quietWindow = patched('auto-replies-quiet-window');
        if (quietWindow && state.quietUntil && Date.now() < Date.parse(state.quietUntil)) continue;
        const result = await sendAutomaticReplies({ conversationId: input.conversationId, greeted: state.greeted });
        state.greeted = state.greeted || result.greeted;
        if (quietWindow) state.quietUntil = result.quietUntil ?? null;
      }
    }
    if (statusDirty) {
      statusDirty = false;
      publishStatus();
      if (state.status === 'resolved' || state.status === 'closed' || state.status === 'archived') return { ...state, messagesSeen: seen.size };
    }
    if (workflowInfo().historyLength > CONTINUE_AS_NEW_AFTER_EVENTS) {
      await continueAsNew<typeof conversationLifecycle>({ ...input, seenMessageIds: [...seen], greeted: state.greeted });
    }

    const snoozeMs = state.snoozedUntil ? Date.parse(state.snoozedUntil) - Date.now() : Infinity;
    const resolveMs = input.autoResolveAfterSeconds > 0 && state.status === 'open'
      ? Date.parse(state.lastActivityAt) + input.autoResolveAfterSeconds * 1000 - Date.now()
      : Infinity;
    const waitMs = Math.max(0, Math.min(snoozeMs, resolveMs));
    const woke = waitMs === Infinity
      ? (await condition(() => inbox.length > 0 || statusDirty), true)
      : await condition(() => inbox.length > 0 || statusDirty, waitMs);
    if (woke) continue;

    if (state.snoozedUntil && Date.parse(state.snoozedUntil) <= Date.now()) {
      const reopened = await reopenSnoozedConversation(input.conversationId);
      state.snoozedUntil = null;
      if (reopened) {
        state.status = 'open';
        state.lastActivityAt = new Date().toISOString();
        publishStatus();
      }
      continue;
    }
    if (state.status === 'open' && input.autoResolveAfterSeconds > 0) {
      const resolved = await autoResolveConversation({ conversationId: input.conversationId, inactiveSince: state.lastActivityAt });
      if (resolved) {
        state.status = 'resolved';
        publishStatus();
        return { ...state, messagesSeen: seen.size };
      }
      state.lastActivityAt = new Date().toISOString();
    }
  }
}
