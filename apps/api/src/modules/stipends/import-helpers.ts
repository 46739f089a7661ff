import type { Readable } from 'node:stream';
import {
  DomainError,
  fieldMessage,
  type FieldErrors,
  type LocalisedText,
  type StipendImportProblem,
} from '@xiaoshi/contracts';

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
  const result: Record<string, LocalisedText> = {};
  for (const problem of [...problems].sort((a, b) => a.row - b.row)) {
    const key = `rows.${problem.row}.${problem.column}`;
    const existing = result[key];
    result[key] = existing
      ? fieldMessage(`${existing.zh}；${problem.problem}`, `${existing.en}; ${problem.problemEn}`)
      : fieldMessage(problem.problem, problem.problemEn);
  }
  return result;
}

/** The header row's problems: a required column missing, a column the template does not have. */
export function headerProblems(
  headerRow: number,
  headers: { missing: readonly string[]; unknown: readonly string[] },
): StipendImportProblem[] {
  return [
    ...headers.missing.map((column) => ({
      row: headerRow,
      column,
      problem: '缺少必填列',
      problemEn: 'A required column is missing',
    })),
    ...headers.unknown.map((column) => ({
      row: headerRow,
      column,
      problem: '模板中没有这一列，请使用下载的模板',
      problemEn: 'Not a template column; use the downloaded template',
    })),
  ];
}

/** Rows naming someone another street already reported: never moved silently across streets. */
export function otherStreetProblems(
  rows: ReadonlyArray<{ rowNumber: number; nationalId: string }>,
  known: ReadonlyMap<string, { communityId: number }>,
  communitiesInScope: ReadonlySet<number>,
): StipendImportProblem[] {
  return rows
    .filter((row) => {
      const person = known.get(row.nationalId);
      return person !== undefined && !communitiesInScope.has(person.communityId);
    })
    .map((row) => ({
      row: row.rowNumber,
      column: '身份证号',
      problem: '此人已在其他街道的名册中，请联系区社会工作部核实',
      problemEn: 'This person is on another street’s roster; ask the district to check',
    }));
}
