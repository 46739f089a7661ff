import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Sends a file for download. The name goes out twice: an ASCII fallback for old clients and the
 * RFC 5987 UTF-8 form that browsers and office software use for Chinese names.
 */
export function sendDownload(
  reply: FastifyReply,
  body: Buffer | Readable,
  file: { name: string; contentType: string; size?: number; extraHeaders?: Record<string, string> },
) {
  const fallback = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  void reply
    .header('content-type', file.contentType)
    .header(
      'content-disposition',
      `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    );
  if (file.size !== undefined) void reply.header('content-length', file.size);
  for (const [name, value] of Object.entries(file.extraHeaders ?? {})) void reply.header(name, value);
  return reply.send(body);
}
