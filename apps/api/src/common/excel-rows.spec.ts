import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ColumnStyles, sheetBacklog, zipCaughtUp } from './excel-rows.js';

describe('ColumnStyles: streamed data rows on one style object per column', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'excel-rows-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the columns’ formats on every data row, the header bold, as office software reads them', async () => {
    const file = path.join(dir, 'styled.xlsx');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true });
    const sheet = workbook.addWorksheet('清单');
    sheet.columns = [
      { header: '编号', key: 'id', width: 8 },
      { header: '身份证号', key: 'nationalId', width: 22, style: { numFmt: '@' } },
      { header: '金额（元）', key: 'amount', width: 16, style: { numFmt: '#,##0.00' } },
    ];
    sheet.getRow(1).font = { bold: true };
    const styles = new ColumnStyles(sheet);
    for (let id = 1; id <= 300; id += 1)
      styles.commit(
        sheet.addRow({ id, nationalId: `53011419900101${String(id).padStart(4, '0')}`, amount: id + 0.5 }),
      );
    const total = sheet.addRow({ id: '合计', amount: 45_150 });
    total.font = { bold: true }; // a row styled on its own keeps its own style objects
    total.commit();
    sheet.commit();
    await workbook.commit();

    const read = new ExcelJS.Workbook();
    await read.xlsx.readFile(file);
    const written = read.getWorksheet('清单')!;
    expect(written.rowCount).toBe(302);
    expect(written.getRow(1).getCell(1).font?.bold).toBe(true);
    for (const rowNumber of [2, 151, 301]) {
      const row = written.getRow(rowNumber);
      expect(row.getCell(1).value).toBe(rowNumber - 1);
      expect(row.getCell(2).numFmt).toBe('@');
      expect(row.getCell(2).value).toBe(`53011419900101${String(rowNumber - 1).padStart(4, '0')}`);
      expect(row.getCell(3).numFmt).toBe('#,##0.00');
      expect(row.getCell(3).value).toBe(rowNumber - 1 + 0.5);
      expect(row.getCell(1).font?.bold).toBeFalsy();
    }
    expect(written.getRow(302).getCell(1).font?.bold).toBe(true);
    expect(written.getRow(302).getCell(3).numFmt).toBe('#,##0.00');
  });

  it('refuses to restyle one cell of a shared row, which would restyle the whole column', async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: path.join(dir, 'frozen.xlsx'),
      useStyles: true,
    });
    const sheet = workbook.addWorksheet('清单');
    sheet.columns = [{ header: '金额', key: 'amount', style: { numFmt: '#,##0.00' } }];
    const styles = new ColumnStyles(sheet);
    const row = sheet.addRow({ amount: 1 });
    styles.commit(row);
    expect(() => {
      row.font = { bold: true };
    }).toThrow(/not extensible/);
    expect(row.getCell(1).style).toEqual({ numFmt: '#,##0.00' });
    sheet.commit();
    await workbook.commit();
  });
});

describe('zipCaughtUp: a streamed sheet waits for a zip that falls behind', () => {
  const ROWS = 100;
  const LIMIT = 256 * 1024;

  /**
   * Streams rows of incompressible text into an archive whose output stalls (a busy disk, or a
   * deflate starved of CPU) until `BATCHES` batches were offered or the writer stopped offering
   * them; then the output runs again and the workbook is finished and read back.
   */
  async function stream(wait: boolean, batches: number) {
    const chunks: Buffer[] = [];
    let stalled: Array<() => void> | null = [];
    const output = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        if (stalled) stalled.push(callback);
        else callback();
      },
    });
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true });
    const sheet = workbook.addWorksheet('清单');
    sheet.columns = [
      { header: '编号', key: 'id', width: 8 },
      { header: '摘要', key: 'digest', width: 36 },
    ];
    const styles = new ColumnStyles(sheet);
    let written = 0;
    let mostAhead = 0;
    const writer = (async () => {
      for (let batch = 0; batch < batches; batch += 1) {
        for (let row = 0; row < ROWS; row += 1) {
          written += 1;
          styles.commit(sheet.addRow({ id: written, digest: randomBytes(96).toString('hex') }));
        }
        mostAhead = Math.max(mostAhead, sheetBacklog(sheet));
        if (wait) await zipCaughtUp(sheet, LIMIT);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    // The output stays stalled until the writer has offered every batch or has stopped for 300 ms.
    for (let last = -1; written < batches * ROWS && written !== last;) {
      last = written;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    const writtenWhileStalled = written;
    const heldWhileStalled = sheetBacklog(sheet);
    const waiting = stalled;
    stalled = null;
    for (const callback of waiting) callback();
    await writer;
    sheet.commit();
    await workbook.commit();
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(Buffer.concat(chunks) as unknown as ExcelJS.Buffer);
    return { writtenWhileStalled, heldWhileStalled, mostAhead, sheet: read.getWorksheet('清单')! };
  }

  it('stops offering rows while the zip is behind, holds at most the limit, and the file keeps every row', async () => {
    const batches = 200; // 20,000 rows, ~4.5 MB of sheet XML
    const waited = await stream(true, batches);
    expect(waited.writtenWhileStalled).toBeLessThan(batches * ROWS);
    expect(waited.heldWhileStalled).toBeLessThanOrEqual(LIMIT + 64 * 1024);
    expect(waited.mostAhead).toBeLessThanOrEqual(LIMIT + 64 * 1024);
    expect(waited.sheet.rowCount).toBe(batches * ROWS + 1);
    expect(waited.sheet.getRow(batches * ROWS + 1).getCell(1).value).toBe(batches * ROWS);
    expect(String(waited.sheet.getRow(2).getCell(2).value)).toMatch(/^[0-9a-f]{192}$/);

    // The same rows without waiting pile up in memory ahead of the stalled zip: what the wait prevents.
    const unwaited = await stream(false, batches);
    expect(unwaited.writtenWhileStalled).toBe(batches * ROWS);
    expect(unwaited.mostAhead).toBeGreaterThan(4 * LIMIT);
    expect(unwaited.sheet.rowCount).toBe(batches * ROWS + 1);
  }, 60_000);

  it('resolves at once when the zip keeps up, and for a sheet not streamed yet', async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: path.join(os.tmpdir(), `idle-${process.pid}.xlsx`),
    });
    const sheet = workbook.addWorksheet('清单');
    await expect(zipCaughtUp(sheet)).resolves.toBeUndefined();
    sheet.addRow([1]).commit();
    expect(sheetBacklog(sheet)).toBeLessThan(64 * 1024);
    await expect(zipCaughtUp(sheet)).resolves.toBeUndefined();
    sheet.commit();
    await workbook.commit();
  });
});
