import { Connection } from '@temporalio/client';
import proto from '@temporalio/proto';
import type { Settings } from '@crosschat/core';

// CommonJS package: Node's ESM loader only sees its default export.
const KEYWORD = proto.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD;
export const SEARCH_ATTRIBUTES = ['BusinessId', 'ConversationId', 'Platform', 'Status'] as const;

/**
 * Registers our search attributes on the namespace (the dev server gets them at start; an
 * external cluster or Temporal Cloud namespace gets them here). Existing ones are left alone.
 */
export async function ensureSearchAttributes(settings: Settings): Promise<string[]> {
  const connection = await Connection.connect({ address: settings.temporalAddress });
  try {
    const existing = await connection.operatorService.listSearchAttributes({ namespace: settings.temporalNamespace });
    const known = new Set(Object.keys(existing.customAttributes ?? {}));
    const missing = SEARCH_ATTRIBUTES.filter((name) => !known.has(name));
    if (missing.length) {
      await connection.operatorService.addSearchAttributes({
        namespace: settings.temporalNamespace,
        searchAttributes: Object.fromEntries(missing.map((name) => [name, KEYWORD])),
      });
    }
    return missing;
  } finally {
    await connection.close();
  }
}
