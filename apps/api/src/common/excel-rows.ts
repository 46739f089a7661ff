import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';

const NO_STYLE: Partial<ExcelJS.Style> = Object.freeze({});

/**
 * Data rows of a streamed worksheet, their cells on one shared style object per column.
 *
 * ExcelJS gives every new cell a fresh copy of its column's style, and the streaming writer knows a
 * style it has met before only by object identity: with a fresh object per cell it serialised
 * every cell's style to XML to find its style number again — a third of the CPU of a
 * 116,000-row export. With one object per column the lookup is a WeakMap hit and the file is the
 * same. The objects are frozen, so a later `cell.font = …` on such a row throws instead of
 * restyling the whole column: rows styled one by one (headings, subtotals) are committed as usual.
 */
export class ColumnStyles {
  private readonly styles: ReadonlyArray<Partial<ExcelJS.Style>>;

  /** After `sheet.columns` is set: the columns' styles as they are now. */
  constructor(sheet: ExcelJS.Worksheet) {
    this.styles = (sheet.columns ?? []).map((column) => Object.freeze({ ...(column.style ?? {}) }));
  }

  /** Commits a data row with its cells on their column's shared style. */
  commit(row: ExcelJS.Row): void {
    row.eachCell((cell, column) => {
      cell.style = this.styles[column - 1] ?? NO_STYLE;
    });
    row.commit();
  }
}

/** What a streamed sheet's XML may hold in memory ahead of the zip before its writer waits. */
export const SHEET_BACKLOG_BYTES = 1024 * 1024;

interface SheetStream {
  pipes?: Writable[];
}

/** The archive's entry stream is readable-stream 2's PassThrough, which has no `writableLength`. */
interface EntryStream extends Writable {
  _writableState?: { length: number };
}

/**
 * Waits while the zip is behind a streamed sheet. ExcelJS's streaming writer hands each 64 KiB of
 * sheet XML to the archive without looking at what `write` returns, so when the output stalls (a
 * slow disk or object store) or deflate falls behind, the rest of the sheet's XML piles up in memory
 * (tens of MiB for a 116,000-row export). A writer that awaits this after each batch of rows
 * holds at most `limitBytes` of XML ahead of the zip. Resolves at once when the zip keeps up, and
 * when the archive has stopped (its error reaches the workbook's commit).
 */
export async function zipCaughtUp(sheet: ExcelJS.Worksheet, limitBytes = SHEET_BACKLOG_BYTES): Promise<void> {
  const sink = sinkOf(sheet);
  if (!sink || sink.destroyed || sheetBacklog(sheet) <= limitBytes) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      sink.off('drain', done);
      sink.off('close', done);
      sink.off('error', done);
      resolve();
    };
    sink.on('drain', done);
    sink.on('close', done);
    sink.on('error', done);
  });
}

/** The stream the archive reads a streamed sheet's XML from (ExcelJS pipes the sheet into it). */
function sinkOf(sheet: ExcelJS.Worksheet): EntryStream | undefined {
  return ((sheet as unknown as { stream?: SheetStream }).stream?.pipes ?? [])[0];
}

/** Bytes of a streamed sheet's XML waiting for the zip now (what `zipCaughtUp` bounds). */
export function sheetBacklog(sheet: ExcelJS.Worksheet): number {
  const sink = sinkOf(sheet);
  return sink?._writableState?.length ?? sink?.writableLength ?? 0;
}
