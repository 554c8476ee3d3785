import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import { BadRequestException, ForbiddenException, Inject, Injectable, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { fileTypeFromBuffer } from 'file-type';
import type { Settings } from '@crosschat/core';
import { SETTINGS } from '../config/settings.module.js';
import { storageFor, type AttachmentStorage } from './attachment-storage.js';

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
    this.storage = storageFor(settings);
    this.signingKey = `${settings.jwtSecret}:attachments`;
  }

  /** Sniffs the content, checks size and type, stores it under the business. */
  async store(businessId: string, file: { buffer: Buffer; originalname: string; mimetype: string; size: number } | undefined): Promise<StoredAttachment> {
    if (!file) throw new BadRequestException('Send the file as multipart field "file"');
    const max = this.settings.attachmentMaxBytes;
    if (file.size > max) throw new PayloadTooLargeException(`Attachments are limited to ${Math.round(max / 1024 / 1024)} MB`);
    if (file.size === 0) throw new BadRequestException('The file is empty');
    const sniffed = await fileTypeFromBuffer(file.buffer);
    let type = sniffed?.mime as string | undefined;
    if (!type && file.mimetype === 'text/plain' && isUtf8Text(file.buffer)) type = 'text/plain';
    if (!type || !ALLOWED.has(type)) {
      throw new UnsupportedMediaTypeException(`This kind of file is not accepted${sniffed ? ` (${sniffed.mime})` : ''}: send images, PDF, audio, video or plain text`);
    }
    const name = path.basename(file.originalname).replace(/[^\w.\- ()]+/g, '_').slice(0, 200) || 'file';
    const key = `${businessId}/${randomUUID()}`;
    await this.storage.put(key, file.buffer, type);
    return { key, url: `/attachments/${key}`, type, size: file.size, name };
  }

  /** A short-lived URL that anyone holding it can fetch (for <img src> and downloads). */
  signedUrl(key: string, name: string, type: string, ttlSeconds = SIGNED_URL_TTL_SECONDS): string {
    const expires = Math.floor(Date.now() / 1000) + ttlSeconds;
    const sig = this.sign(key, expires, type);
    return `${this.settings.apiPublicUrl}/attachments/${key}?expires=${expires}&type=${encodeURIComponent(type)}&name=${encodeURIComponent(name)}&sig=${sig}`;
  }

  async open(key: string, expires: string | undefined, type: string | undefined, sig: string | undefined) {
    const at = Number(expires);
    if (!sig || !type || !Number.isFinite(at) || at < Date.now() / 1000) throw new ForbiddenException('This link has expired');
    const expected = Buffer.from(this.sign(key, at, type));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new ForbiddenException('This link is not valid');
    const stream = await this.storage.open(key);
    if (!stream) throw new ForbiddenException('This file is gone');
    return { stream, type };
  }

  private sign(key: string, expires: number, type: string): string {
    return createHmac('sha256', this.signingKey).update(`${key}:${expires}:${type}`).digest('base64url');
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
