import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
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
 * Files addressed by opaque keys: on local disk under DATA_DIR, or in an S3-compatible bucket
 * when S3_BUCKET is configured. A file is always first streamed to a local temporary name while
 * its size is limited and its SHA-256 computed, and its type is read from its content (the name
 * and the client's content type are not trusted); only then is it moved into place or uploaded.
 */
@Injectable()
export class FileStore implements OnApplicationShutdown {
  private readonly root: string;
  private readonly s3: { client: S3Client; bucket: string } | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = config.dataDir;
    this.s3 = config.s3
      ? {
          bucket: config.s3.bucket,
          client: new S3Client({
            endpoint: config.s3.endpoint,
            region: config.s3.region,
            forcePathStyle: config.s3.forcePathStyle,
            credentials:
              config.s3.accessKeyId && config.s3.secretAccessKey
                ? { accessKeyId: config.s3.accessKeyId, secretAccessKey: config.s3.secretAccessKey }
                : undefined,
            // Plain checksums only: many S3-compatible servers reject aws-chunked uploads.
            requestChecksumCalculation: 'WHEN_REQUIRED',
            responseChecksumValidation: 'WHEN_REQUIRED',
          }),
        }
      : null;
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
      await this.adopt(temporary, storageKey, detected.mime, size);
      return { storageKey, sizeBytes: size, sha256: hash.digest('hex'), mimeType: detected.mime };
    } finally {
      await rm(temporary, { force: true });
    }
  }

  /** Takes a finished local file (an export, a checked upload) into the store under its key. */
  async adopt(localPath: string, storageKey: string, contentType: string, sizeBytes?: number): Promise<void> {
    if (this.s3) {
      const size = sizeBytes ?? (await stat(localPath)).size;
      await this.s3.client.send(
        new PutObjectCommand({
          Bucket: this.s3.bucket,
          Key: storageKey,
          Body: createReadStream(localPath),
          ContentLength: size,
          ContentType: contentType,
        }),
      );
      await rm(localPath, { force: true });
      return;
    }
    const target = this.pathOf(storageKey);
    if (path.resolve(localPath) === path.resolve(target)) return;
    await mkdir(path.dirname(target), { recursive: true });
    await rename(localPath, target);
  }

  async open(storageKey: string): Promise<{ stream: Readable; sizeBytes: number }> {
    if (this.s3) {
      try {
        const object = await this.s3.client.send(new GetObjectCommand({ Bucket: this.s3.bucket, Key: storageKey }));
        return { stream: object.Body as Readable, sizeBytes: Number(object.ContentLength ?? 0) };
      } catch (error) {
        if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') throw new DomainError('NOT_FOUND');
        throw error;
      }
    }
    const file = this.pathOf(storageKey);
    const info = await stat(file).catch(() => null);
    if (!info) throw new DomainError('NOT_FOUND');
    return { stream: createReadStream(file), sizeBytes: info.size };
  }

  async remove(storageKey: string): Promise<void> {
    if (this.s3) {
      await this.s3.client.send(new DeleteObjectCommand({ Bucket: this.s3.bucket, Key: storageKey }));
      return;
    }
    await rm(this.pathOf(storageKey), { force: true });
  }

  onApplicationShutdown(): void {
    this.s3?.client.destroy();
  }
}
