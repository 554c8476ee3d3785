import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApi, call, type TestApi } from './harness.js';
import { TenantFixtures } from './fixtures/tenants.js';
import { startLocalS3 } from './fixtures/local-s3.js';

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('attachments', () => {
  let api: TestApi;
  const db = new TenantFixtures();
  let a: Awaited<ReturnType<TenantFixtures['tenant']>>;
  let b: Awaited<ReturnType<TenantFixtures['tenant']>>;

  beforeAll(async () => {
    api = await startTestApi({ uploadDir: fs.mkdtempSync(path.join(os.tmpdir(), 'crosschat-uploads-')) });
    a = await db.tenant('Files A');
    b = await db.tenant('Files B');
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  async function upload(token: string, businessId: string, bytes: Buffer, name: string, type: string) {
    const form = new FormData();
    form.append('file', new Blob([bytes], { type }), name);
    const res = await fetch(`${api.url}/attachments?business_id=${businessId}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    return { status: res.status, body: await res.json() };
  }

  it('stores a sniffed image and serves it only through a valid signed URL', async () => {
    const up = await upload(a.owner.token, a.business.id, PNG, 'pixel.png', 'image/png');
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ type: 'image/png', size: PNG.length, name: 'pixel.png' });
    const got = await fetch(up.body.signed_url);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await got.arrayBuffer()).equals(PNG)).toBe(true);
    const tampered = up.body.signed_url.replace(/sig=[^&]+/, 'sig=forged');
    expect((await fetch(tampered)).status).toBe(403);
    expect((await fetch(`${api.url}${up.body.url}`)).status).toBe(403);
  });

  it('judges files by their bytes: a disguised executable and oversized files are refused', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);
    const disguised = await upload(a.owner.token, a.business.id, exe, 'cat.png', 'image/png');
    expect(disguised.status).toBe(415);
    const text = await upload(a.owner.token, a.business.id, Buffer.from('order 1234\n'), 'note.txt', 'text/plain');
    expect(text.status).toBe(201);
    const big = await upload(a.owner.token, a.business.id, Buffer.alloc(10 * 1024 * 1024 + 10, 0x20), 'big.txt', 'text/plain');
    expect([413, 400]).toContain(big.status);
    const none = await fetch(`${api.url}/attachments?business_id=${a.business.id}`, { method: 'POST', headers: { authorization: `Bearer ${a.owner.token}` } });
    expect(none.status).toBe(400);
  });

  it('another business can neither upload into A nor attach A files', async () => {
    expect((await upload(b.owner.token, a.business.id, PNG, 'x.png', 'image/png')).status).toBe(404);
    const ofA = await upload(a.owner.token, a.business.id, PNG, 'a.png', 'image/png');
    const convB = await db.conversation(b.business.id, (await db.customer(b.business.id)).id);
    const steal = await call(api, 'POST', '/messages', { token: b.owner.token, body: { conversation_id: convB.id, content: 'look', attachments: [{ url: ofA.body.url, type: 'image/png', size: 1, name: 'a.png' }] } });
    expect(steal.status).toBe(400);
  });

  it('messages carry their attachments with fresh signed URLs', async () => {
    const conv = await db.conversation(a.business.id, (await db.customer(a.business.id)).id);
    const up = await upload(a.owner.token, a.business.id, PNG, 'receipt.png', 'image/png');
    const sent = await call(api, 'POST', '/messages', { token: a.owner.token, body: { conversation_id: conv.id, content: 'Here is your receipt', is_internal_note: true, attachments: [{ url: up.body.url, type: up.body.type, size: up.body.size, name: up.body.name }] } });
    expect(sent.status).toBe(201);
    const list = await call(api, 'GET', `/conversations/${conv.id}/messages`, { token: a.owner.token });
    const attachment = list.body.data[0].attachments[0];
    expect(attachment).toMatchObject({ url: up.body.url, name: 'receipt.png', signed_url: expect.stringContaining('sig=') });
    expect((await fetch(attachment.signed_url)).status).toBe(200);
  });

  it('stores in S3-compatible storage when configured, through the AWS SDK', async () => {
    const s3 = await startLocalS3('crosschat-files');
    const s3api = await startTestApi({ s3: { bucket: 'crosschat-files', endpoint: s3.endpoint, region: 'us-east-1', accessKeyId: 'test', secretAccessKey: 'test', forcePathStyle: true } });
    try {
      const form = new FormData();
      form.append('file', new Blob([PNG], { type: 'image/png' }), 'in-s3.png');
      const res = await fetch(`${s3api.url}/attachments?business_id=${a.business.id}`, { method: 'POST', headers: { authorization: `Bearer ${a.owner.token}` }, body: form });
      const body = await res.json();
      expect(res.status).toBe(201);
      expect(s3.objects.get(body.key)).toEqual({ body: PNG, contentType: 'image/png' });
      const got = await fetch(body.signed_url.replace(api.settings.apiPublicUrl, s3api.url));
      expect(got.status).toBe(200);
      expect(Buffer.from(await got.arrayBuffer()).equals(PNG)).toBe(true);
    } finally {
      await s3api.close();
      await s3.close();
    }
  });
});
