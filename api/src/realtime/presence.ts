/** Phoenix presence shapes as realtime-js reads them: `{<key>: {metas: [{phx_ref, ...}]}}`. */
export interface PresenceMeta {
  phx_ref: string;
  [field: string]: unknown;
}
export type PresenceEntries = Record<string, { metas: PresenceMeta[] }>;
export interface PresenceDiff {
  joins: PresenceEntries;
  leaves: PresenceEntries;
}

interface RemoteEntry { key: string; meta: PresenceMeta; origin: string }

export function addEntry(entries: PresenceEntries, key: string, meta: PresenceMeta): PresenceEntries {
  (entries[key] ??= { metas: [] }).metas.push(meta);
  return entries;
}

export function isEmptyDiff(diff: PresenceDiff): boolean {
  return !Object.keys(diff.joins).length && !Object.keys(diff.leaves).length;
}

/**
 * Presences tracked by subscribers of OTHER API instances, learnt from their diffs on the bus.
 * Each entry remembers its instance so the presences of an instance that stopped answering can
 * be dropped (it cannot send its own leaves when it crashes).
 */
export class RemotePresence {
  private readonly topics = new Map<string, Map<string, RemoteEntry>>();
  private readonly lastSeen = new Map<string, number>();

  heardFrom(origin: string): void {
    this.lastSeen.set(origin, Date.now());
  }

  /** Applies a diff from `origin`; returns what is new to this instance (possibly empty). */
  apply(topic: string, diff: PresenceDiff, origin: string): PresenceDiff {
    const entries = this.topics.get(topic) ?? new Map<string, RemoteEntry>();
    const out: PresenceDiff = { joins: {}, leaves: {} };
    for (const [key, { metas }] of Object.entries(diff.leaves ?? {})) {
      for (const meta of metas ?? []) {
        if (entries.delete(meta.phx_ref)) addEntry(out.leaves, key, meta);
      }
    }
    for (const [key, { metas }] of Object.entries(diff.joins ?? {})) {
      for (const meta of metas ?? []) {
        if (typeof meta?.phx_ref !== 'string' || entries.has(meta.phx_ref)) continue;
        entries.set(meta.phx_ref, { key, meta, origin });
        addEntry(out.joins, key, meta);
      }
    }
    if (entries.size) this.topics.set(topic, entries);
    else this.topics.delete(topic);
    return out;
  }

  entries(topic: string, into: PresenceEntries = {}): PresenceEntries {
    for (const { key, meta } of this.topics.get(topic)?.values() ?? []) addEntry(into, key, meta);
    return into;
  }

  /** Forgets instances silent for longer than `staleMs`; returns the leaves to announce locally. */
  sweep(staleMs: number): Array<{ topic: string; diff: PresenceDiff }> {
    const now = Date.now();
    const stale = new Set([...this.lastSeen].filter(([, at]) => now - at > staleMs).map(([origin]) => origin));
    if (!stale.size) return [];
    for (const origin of stale) this.lastSeen.delete(origin);
    const out: Array<{ topic: string; diff: PresenceDiff }> = [];
    for (const [topic, entries] of this.topics) {
      const diff: PresenceDiff = { joins: {}, leaves: {} };
      for (const [ref, entry] of entries) {
        if (!stale.has(entry.origin)) continue;
        entries.delete(ref);
        addEntry(diff.leaves, entry.key, entry.meta);
      }
      if (!entries.size) this.topics.delete(topic);
      if (!isEmptyDiff(diff)) out.push({ topic, diff });
    }
    return out;
  }
}
