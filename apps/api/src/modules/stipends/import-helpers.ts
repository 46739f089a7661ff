import type { Readable } from 'node:stream';
import { DomainError, fieldMessage, type FieldErrors, type StipendImportProblem } from '@xiaoshi/contracts';

/** Reads a stream into memory, refusing more than `limit` bytes. */
export async function readAll(stream: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      stream.resume();
      throw new DomainError('PAYLOAD_TOO_LARGE');
    }
    chunks.push(chunk as Buffer);
  }
  if ((stream as Readable & { truncated?: boolean }).truncated) throw new DomainError('PAYLOAD_TOO_LARGE');
  return Buffer.concat(chunks);
}

/** The row-level report as error fields: `rows.<row>.<column>` → the problem(s) of that cell. */
export function problemFields(problems: readonly StipendImportProblem[]): FieldErrors {
  const result: FieldErrors = {};
  for (const problem of [...problems].sort((a, b) => a.row - b.row)) {
    const key = `rows.${problem.row}.${problem.column}`;
    const existing = result[key];
    result[key] = existing
      ? fieldMessage(`${existing.zh}；${problem.problem}`, `${existing.en}; ${problem.problemEn}`)
      : fieldMessage(problem.problem, problem.problemEn);
  }
  return result;
}
