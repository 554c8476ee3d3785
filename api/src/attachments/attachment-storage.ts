import fs from 'node:fs/promises';
import { createReadStream, type ReadStream } from 'node:fs';
import path from 'node:path';

/** Where attachment bytes live. The local disk is the embedded default. */
export interface AttachmentStorage {
  put(key: string, data: Buffer): Promise<void>;
  open(key: string): Promise<ReadStream | null>;
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

  async open(key: string): Promise<ReadStream | null> {
    const file = this.resolve(key);
    try {
      await fs.access(file);
      return createReadStream(file);
    } catch {
      return null;
    }
  }
}
