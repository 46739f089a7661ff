import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@xiaoshi/contracts';
import { fileTypeFromFile } from 'file-type';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';

/** What the bytes really are, by their content: PDF, images, xlsx and docx. */
export const ALLOWED_CONTENT: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

export interface StoredFile {
  storageKey: string;
  sizeBytes: number;
  sha256: string;
  mimeType: string;
}

/**
 * Files on local disk under DATA_DIR, addressed by opaque keys. A file is streamed to a temporary
 * name while its size is limited and its SHA-256 computed, its type is read from its content (the
 * name and the client's content type are not trusted), and only then moved into place.
 */
@Injectable()
export class FileStore {
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = config.dataDir;
  }

  private pathOf(storageKey: string): string {
    if (!/^[a-z0-9/-]+\.[a-z0-9]+$/.test(storageKey)) throw new Error(`bad storage key ${storageKey}`);
    return path.join(this.root, storageKey);
  }

  async store(source: Readable, maxBytes: number, allowed: Record<string, string> = ALLOWED_CONTENT): Promise<StoredFile> {
    await mkdir(path.join(this.root, 'tmp'), { recursive: true });
    const temporary = path.join(this.root, 'tmp', `${randomUUID()}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        if (size > maxBytes) return callback(new DomainError('PAYLOAD_TOO_LARGE'));
        hash.update(chunk);
        callback(null, chunk);
      },
    });
    try {
      await pipeline(source, meter, createWriteStream(temporary));
      // @fastify/multipart truncates silently when its own limit is hit; treat that as too large.
      if ((source as Readable & { truncated?: boolean }).truncated) throw new DomainError('PAYLOAD_TOO_LARGE');
      const detected = await fileTypeFromFile(temporary);
      const extension = detected ? allowed[detected.mime] : undefined;
      if (!detected || !extension) throw new DomainError('UNSUPPORTED_MEDIA_TYPE');
      const now = new Date();
      const storageKey = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}.${extension}`;
      await mkdir(path.dirname(this.pathOf(storageKey)), { recursive: true });
      await rename(temporary, this.pathOf(storageKey));
      return { storageKey, sizeBytes: size, sha256: hash.digest('hex'), mimeType: detected.mime };
    } finally {
      await rm(temporary, { force: true });
    }
  }

  async open(storageKey: string): Promise<{ stream: Readable; sizeBytes: number }> {
    const file = this.pathOf(storageKey);
    const info = await stat(file).catch(() => null);
    if (!info) throw new DomainError('NOT_FOUND');
    return { stream: createReadStream(file), sizeBytes: info.size };
  }

  async remove(storageKey: string): Promise<void> {
    await rm(this.pathOf(storageKey), { force: true });
  }
}
