import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { ColumnStyles } from './excel-rows.js';

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
