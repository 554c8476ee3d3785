import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** Encrypted value as stored in JSON columns: `{ v: 1, iv, tag, data }` (base64). */
export interface SealedSecret {
  v: 1;
  iv: string;
  tag: string;
  data: string;
}

const keyFrom = (secret: string) => createHash('sha256').update(secret).digest();

/** AES-256-GCM with a key derived from CREDENTIALS_KEY; platform credentials are stored only like this. */
export function seal(value: unknown, secret: string): SealedSecret {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(secret), iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return { v: 1, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

export function unseal<T = unknown>(sealed: SealedSecret, secret: string): T {
  const decipher = createDecipheriv('aes-256-gcm', keyFrom(secret), Buffer.from(sealed.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  const plain = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
  return JSON.parse(plain.toString('utf8')) as T;
}

export function isSealed(value: unknown): value is SealedSecret {
  return typeof value === 'object' && value !== null && (value as SealedSecret).v === 1 && typeof (value as SealedSecret).data === 'string';
}
