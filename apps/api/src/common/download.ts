import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The Content-Disposition value for a file name. The name goes out twice: an ASCII fallback for
 * old clients and the RFC 5987 UTF-8 form that browsers and office software use for Chinese names.
 */
export function contentDisposition(name: string, kind: 'attachment' | 'inline' = 'attachment'): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Sends a file for download (or inline display, e.g. a photo). */
export function sendDownload(
  reply: FastifyReply,
  body: Buffer | Readable,
  file: {
    name: string;
    contentType: string;
    size?: number;
    inline?: boolean;
    extraHeaders?: Record<string, string>;
  },
) {
  void reply
    .header('content-type', file.contentType)
    .header('content-disposition', contentDisposition(file.name, file.inline ? 'inline' : 'attachment'));
  if (file.size !== undefined) void reply.header('content-length', file.size);
  for (const [name, value] of Object.entries(file.extraHeaders ?? {})) void reply.header(name, value);
  return reply.send(body);
}
