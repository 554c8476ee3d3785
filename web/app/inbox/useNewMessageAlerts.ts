import { useCallback, useEffect, useRef } from 'react';

/** A short two-tone chime from Web Audio (no asset to ship). */
function chime(): void {
  try {
    const ctx = new AudioContext();
    const now = ctx.currentTime;
    for (const [i, freq] of [880, 1320].entries()) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, now + i * 0.12);
      gain.gain.exponentialRampToValueAtTime(0.15, now + i * 0.12 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + i * 0.12 + 0.25);
      osc.connect(gain).connect(ctx.destination);
      osc.start(now + i * 0.12);
      osc.stop(now + i * 0.12 + 0.3);
    }
    setTimeout(() => void ctx.close(), 800);
  } catch {
    /* audio unavailable */
  }
}

/**
 * New customer messages while the tab is hidden: a chime and a browser notification (as the
 * business's notification settings allow). Asks for notification permission once.
 */
export function useNewMessageAlerts(settings: { sound: boolean; desktop: boolean }) {
  const asked = useRef(false);
  useEffect(() => {
    if (asked.current || !settings.desktop || typeof Notification === 'undefined' || Notification.permission !== 'default') return;
    asked.current = true;
    const ask = () => void Notification.requestPermission();
    window.addEventListener('pointerdown', ask, { once: true });
    return () => window.removeEventListener('pointerdown', ask);
  }, [settings.desktop]);

  return useCallback((message: { content: string; sender_name?: string | null }, onClick?: () => void) => {
    if (document.visibilityState === 'visible') return;
    if (settings.sound) chime();
    if (settings.desktop && typeof Notification !== 'undefined' && Notification.permission === 'granted') {
      const n = new Notification(message.sender_name ? `New message from ${message.sender_name}` : 'New message', { body: message.content.slice(0, 140), tag: 'crosschat-new-message' });
      n.onclick = () => {
        window.focus();
        onClick?.();
        n.close();
      };
    }
  }, [settings.sound, settings.desktop]);
}
