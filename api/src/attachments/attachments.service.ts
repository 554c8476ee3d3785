import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import { BadRequestException, ForbiddenException, Inject, Injectable, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { fileTypeFromBuffer } from 'file-type';
import type { Settings } from '@crosschat/core';
import { SETTINGS } from '../config/settings.module.js';
import { LocalDiskStorage, type AttachmentStorage } from './attachment-storage.js';

export const MAX_ATTACHMENT_BYTES = Number(process.env.ATTACHMENT_MAX_BYTES) > 0 ? Number(process.env.ATTACHMENT_MAX_BYTES) : 10 * 1024 * 1024;
const SIGNED_URL_TTL_SECONDS = 300;

/** What customers and agents may send: judged by the bytes, not by the name or the declared type. */
const ALLOWED = new Set([
  'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf',
  'audio/mpeg', 'audio/ogg', 'audio/wav', 'audio/mp4', 'video/mp4', 'video/webm', 'text/plain',
]);

export interface StoredAttachment {
  url: string;
  key: string;
  type: string;
  size: number;
  name: string;
}

@Injectable()
export class AttachmentsService {
  private readonly storage: AttachmentStorage;
  private readonly signingKey: string;

  constructor(@Inject(SETTINGS) private readonly settings: Settings) {
    this.storage = new LocalDiskStorage(path.resolve(process.env.UPLOAD_DIR || '.data/uploads'));
    this.signingKey = `${settings.jwtSecret}:attachments`;
  }

  /** Sniffs the content, checks size and type, stores it under the business. */
  async store(businessId: string, file: { buffer: Buffer; originalname: string; mimetype: string; size: number } | undefined): Promise<StoredAttachment> {
    if (!file) throw new BadRequestException('Send the file as multipart field "file"');
    if (file.size > MAX_ATTACHMENT_BYTES) throw new PayloadTooLargeException(`Attachments are limited to ${Math.round(MAX_ATTACHMENT_BYTES / 1024 / 1024)} MB`);
    if (file.size === 0) throw new BadRequestException('The file is empty');
    const sniffed = await fileTypeFromBuffer(file.buffer);
    let type = sniffed?.mime as string | undefined;
    if (!type && file.mimetype === 'text/plain' && isUtf8Text(file.buffer)) type = 'text/plain';
    if (!type || !ALLOWED.has(type)) {
      throw new UnsupportedMediaTypeException(`This kind of file is not accepted${sniffed ? ` (${sniffed.mime})` : ''}: send images, PDF, audio, video or plain text`);
    }
    const name = path.basename(file.originalname).replace(/[^\w.\- ()]+/g, '_').slice(0, 200) || 'file';
    const key = `${businessId}/${randomUUID()}`;
    await this.storage.put(key, file.buffer);
    return { key, url: `/attachments/${key}`, type, size: file.size, name };
  }

  /** A short-lived URL that anyone holding it can fetch (for <img src> and downloads). */
  signedUrl(key: string, name: string, ttlSeconds = SIGNED_URL_TTL_SECONDS): string {
    const expires = Math.floor(Date.now() / 1000) + ttlSeconds;
    const sig = this.sign(key, expires);
    return `${this.settings.apiPublicUrl}/attachments/${key}?expires=${expires}&name=${encodeURIComponent(name)}&sig=${sig}`;
  }

  async open(key: string, expires: string | undefined, sig: string | undefined) {
    const at = Number(expires);
    if (!sig || !Number.isFinite(at) || at < Date.now() / 1000) throw new ForbiddenException('This link has expired');
    const expected = Buffer.from(this.sign(key, at));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new ForbiddenException('This link is not valid');
    const stream = await this.storage.open(key);
    if (!stream) throw new ForbiddenException('This file is gone');
    const head = await readHead(key, this.storage);
    return { stream, type: head };
  }

  private sign(key: string, expires: number): string {
    return createHmac('sha256', this.signingKey).update(`${key}:${expires}`).digest('base64url');
  }
}

function isUtf8Text(buffer: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return !buffer.includes(0);
  } catch {
    return false;
  }
}

async function readHead(key: string, storage: AttachmentStorage): Promise<string> {
  const stream = await storage.open(key);
  if (!stream) return 'application/octet-stream';
  const chunk: Buffer = await new Promise((resolve, reject) => {
    stream.once('data', (d) => resolve(Buffer.isBuffer(d) ? d : Buffer.from(d)));
    stream.once('error', reject);
    stream.once('end', () => resolve(Buffer.alloc(0)));
  });
  stream.destroy();
  const sniffed = await fileTypeFromBuffer(chunk);
  return sniffed?.mime ?? 'text/plain; charset=utf-8';
}
