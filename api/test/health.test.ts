import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApi, call, type TestApi } from './harness.js';

describe('GET /health', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startTestApi(); });
  afterAll(async () => { await api.close(); });

  it('reports the database and Temporal as up', async () => {
    const res = await call(api, 'GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up', temporal: 'up' });
  });

  it('reports Temporal down with 503 when it cannot be reached', async () => {
    const broken = await startTestApi({ temporalAddress: '127.0.0.1:1' });
    try {
      const res = await call(broken, 'GET', '/health');
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ status: 'degraded', database: 'up', temporal: 'down' });
    } finally {
      await broken.close();
    }
  });

  it('serves the OpenAPI document', async () => {
    const res = await call(api, 'GET', '/docs-json');
    expect(res.status).toBe(200);
  });
});
