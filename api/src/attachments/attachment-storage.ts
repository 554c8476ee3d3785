import fs from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Settings } from '@crosschat/core';

/** Where attachment bytes live: local disk (embedded default) or S3-compatible storage. */
export interface AttachmentStorage {
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  open(key: string): Promise<Readable | null>;
}

export class LocalDiskStorage implements AttachmentStorage {
  constructor(private readonly root: string) {}

  private resolve(key: string): string {
    const full = path.resolve(this.root, key);
    if (!full.startsWith(path.resolve(this.root) + path.sep)) throw new Error('attachment key escapes the storage root');
    return full;
  }

  async put(key: string, data: Buffer): Promise<void> {
    const file = this.resolve(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, data, { flag: 'wx' });
  }

  async open(key: string): Promise<Readable | null> {
    const file = this.resolve(key);
    try {
      await fs.access(file);
      return createReadStream(file);
    } catch {
      return null;
    }
  }
}

/** Any S3-compatible store (AWS S3, MinIO, R2, Supabase Storage's S3 endpoint) through the AWS SDK. */
export class S3Storage implements AttachmentStorage {
  private readonly client: S3Client;

  constructor(private readonly config: NonNullable<Settings['s3']>) {
    this.client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      // Many S3-compatible stores do not speak the SDK's newer default checksums.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...(config.accessKeyId && config.secretAccessKey ? { credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } } : {}),
    });
  }

  async put(key: string, data: Buffer, contentType: string): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.config.bucket, Key: key, Body: data, ContentType: contentType }));
  }

  async open(key: string): Promise<Readable | null> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: key }));
      return (object.Body as Readable | undefined) ?? null;
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return null;
      throw error;
    }
  }
}

export function storageFor(settings: Settings): AttachmentStorage {
  return settings.s3 ? new S3Storage(settings.s3) : new LocalDiskStorage(path.resolve(settings.uploadDir));
}
