import { useEffect } from 'react';

export interface InboxShortcutHandlers {
  next: () => void;
  previous: () => void;
  resolve: () => void;
  assignToMe: () => void;
  help: () => void;
}

const typingIn = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** j / k move through conversations, e resolves, a assigns to me, ? lists the shortcuts. */
export function useInboxShortcuts(handlers: InboxShortcutHandlers): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.metaKey || e.ctrlKey || e.altKey || typingIn(e.target) || document.querySelector('[role="dialog"]')) return;
      const action = ({ j: handlers.next, k: handlers.previous, e: handlers.resolve, a: handlers.assignToMe, '?': handlers.help } as Record<string, (() => void) | undefined>)[e.key];
      if (!action) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [handlers]);
}
