import { describe, expect, it } from '@jest/globals';
import { Connection } from '@temporalio/client';
import { loadSettings } from '@crosschat/core';
import { ensureSearchAttributes, SEARCH_ATTRIBUTES } from '../src/search-attributes.js';

describe('ensureSearchAttributes', () => {
  it('leaves every attribute the workflows use registered, and is idempotent', async () => {
    const settings = loadSettings();
    await ensureSearchAttributes(settings);
    expect(await ensureSearchAttributes(settings)).toEqual([]);
    const connection = await Connection.connect({ address: settings.temporalAddress });
    try {
      const listed = await connection.operatorService.listSearchAttributes({ namespace: settings.temporalNamespace });
      for (const name of SEARCH_ATTRIBUTES) expect(Object.keys(listed.customAttributes ?? {})).toContain(name);
    } finally {
      await connection.close();
    }
  });
});
