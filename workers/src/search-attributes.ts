import { Connection, isGrpcServiceError } from '@temporalio/client';
import proto from '@temporalio/proto';
import { temporalConnectionOptions, type Settings } from '@crosschat/core';

// CommonJS package: Node's ESM loader only sees its default export.
const KEYWORD = proto.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD;
const GRPC_ALREADY_EXISTS = 6;
export const SEARCH_ATTRIBUTES = ['BusinessId', 'ConversationId', 'Platform', 'Status'] as const;

/**
 * Registers our search attributes on the namespace (the dev server gets them at start; an
 * external cluster or Temporal Cloud namespace gets them here). Existing ones are left alone.
 */
export async function ensureSearchAttributes(settings: Settings): Promise<string[]> {
  const connection = await Connection.connect(temporalConnectionOptions(settings));
  try {
    const existing = await connection.operatorService.listSearchAttributes({ namespace: settings.temporalNamespace });
    const known = new Set(Object.keys(existing.customAttributes ?? {}));
    const missing = SEARCH_ATTRIBUTES.filter((name) => !known.has(name));
    if (missing.length) {
      try {
        await connection.operatorService.addSearchAttributes({
          namespace: settings.temporalNamespace,
          searchAttributes: Object.fromEntries(missing.map((name) => [name, KEYWORD])),
        });
      } catch (error) {
        // Another worker starting at the same moment registered them first: fine.
        if (!(isGrpcServiceError(error) && error.code === GRPC_ALREADY_EXISTS)) throw error;
      }
    }
    return missing;
  } finally {
    await connection.close();
  }
}
