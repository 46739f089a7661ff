import ExcelJS from 'exceljs';

/** Excel's "text" number format: what is typed stays as typed (18-digit IDs keep every digit). */
export const TEXT_FORMAT = '@';

/** Rows of the data sheet pre-formatted as text, so that typed or pasted numbers stay text. */
export const PREFORMATTED_ROWS = 500;

export interface TemplateColumn {
  key: string;
  header: string;
  required: boolean;
  example: string;
  note?: string;
  /** Long digit strings (身份证号, 银行账号): the whole column is formatted as text. */
  text?: boolean;
}

/**
 * An import template: the data sheet first (the importer reads the first sheet) with only the
 * header row — so that importing the template unchanged creates nobody — and the example row and
 * the instructions on a second sheet, 说明. Text columns carry the text format on the column, on
 * every pre-formatted cell and on the example values (written as strings), so that office software
 * never turns 530114195803120023 into 5.30114195802147E+17.
 */
export async function importTemplate(options: {
  dataSheet: string;
  columns: readonly TemplateColumn[];
  example: Record<string, string>;
  rules: readonly string[];
}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.dataSheet);
  sheet.columns = options.columns.map((column) => ({
    header: column.header,
    key: column.key,
    width: Math.max(12, column.header.length * 2 + 4, (options.example[column.key] ?? column.example).length + 4),
    ...(column.text ? { style: { numFmt: TEXT_FORMAT } } : {}),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  options.columns.forEach((column, index) => {
    if (!column.text) return;
    for (let row = 2; row <= PREFORMATTED_ROWS + 1; row += 1) {
      sheet.getCell(row, index + 1).numFmt = TEXT_FORMAT;
    }
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];

  const help = workbook.addWorksheet('说明');
  help.columns = [
    { header: '列名', key: 'header', width: 18 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '示例（演示数据）', key: 'example', width: 30, style: { numFmt: TEXT_FORMAT } },
    { header: '说明', key: 'note', width: 64 },
  ];
  help.getRow(1).font = { bold: true };
  for (const column of options.columns) {
    const row = help.addRow({
      header: column.header,
      required: column.required ? '必填' : '选填',
      // Always a string: an example ID written as a number would itself lose digits.
      example: String(options.example[column.key] ?? column.example),
      note: column.note ?? '',
    });
    row.getCell('example').numFmt = TEXT_FORMAT;
  }
  help.addRow({});
  for (const rule of options.rules) help.addRow({ header: '填写规则', note: rule });
  help.addRow({
    header: '演示数据',
    note: `示例列为演示数据，仅供参照；请在“${options.dataSheet}”表第2行起填写，本表内容不会被导入。`,
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
