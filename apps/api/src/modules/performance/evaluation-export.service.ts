import { Injectable } from '@nestjs/common';
import type { EvaluationRowView, EvaluationView } from '@xiaoshi/contracts';
import { NATURE_SYMBOLS, QUALITATIVE_BANDS, roundPoints } from '@xiaoshi/domain';
import ExcelJS from 'exceljs';
import type { AuthUser } from '../../common/actor.js';
import { SelfEvaluationService } from './self-evaluation.service.js';
import { TableAccess } from './table-access.service.js';
import { TargetTablesRepository } from './target-tables.repository.js';

/** The official columns of the self-evaluation table, in order. */
export const SELF_EVALUATION_COLUMNS = [
  '一级指标',
  '二级指标',
  '三级指标',
  '指标性质',
  '年度指标值',
  '度量单位',
  '实际完成值',
  '分值',
  '得分',
  '偏差原因分析及改进措施',
] as const;

const WIDTHS = [12, 16, 30, 9, 13, 9, 13, 8, 8, 48];
const HEADER_ROW = 4;
const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

const round2 = (value: number) => Math.round(value * 100) / 100;

function actualCell(row: EvaluationRowView): string | number {
  if (row.nature === 'qualitative') return row.band ? QUALITATIVE_BANDS[row.band].zh : '';
  return row.actual === null ? '' : round2(row.actual);
}

/** Merges runs of equal values in a column (一级 and 二级 as office software shows them). */
function mergeRuns(sheet: ExcelJS.Worksheet, column: number, first: number, keys: readonly string[]) {
  let start = 0;
  for (let index = 1; index <= keys.length; index++) {
    if (index === keys.length || keys[index] !== keys[start]) {
      if (index - start > 1) sheet.mergeCells(first + start, column, first + index - 1, column);
      start = index;
    }
  }
}

/**
 * The self-evaluation (绩效自评表) as an Excel workbook in the official layout: one row per
 * indicator with 一级/二级 cells merged down their groups, budget execution as its own row, the
 * total and the grade; numbers are numbers. The submitted snapshot when there is one, else the
 * live figures (marked as such).
 */
@Injectable()
export class EvaluationExportService {
  constructor(
    private readonly evaluations: SelfEvaluationService,
    private readonly tables: TableAccess,
    private readonly repository: TargetTablesRepository,
  ) {}

  async workbook(user: AuthUser, tableId: number): Promise<{ buffer: Buffer; name: string }> {
    const { table } = await this.tables.reachable(user, tableId, 'performance.read');
    this.tables.requireDistrict(user, table);
    const view = await this.evaluations.view(user, tableId);
    const version = await this.repository.version(this.repository.manager, view.versionId);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('绩效自评表', {
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    const last = SELF_EVALUATION_COLUMNS.length;
    sheet.mergeCells(1, 1, 1, last);
    sheet.getCell(1, 1).value = `${table.year}年度项目绩效自评表`;
    sheet.getCell(1, 1).font = { bold: true, size: 16 };
    sheet.getCell(1, 1).alignment = { horizontal: 'center' };
    sheet.mergeCells(2, 1, 2, last);
    sheet.getCell(2, 1).value =
      `项目名称：${table.name}    自评得分：${view.total}    自评等级：${view.grade}    ` +
      (view.status === 'submitted'
        ? `已提交（${view.submittedAt?.slice(0, 10) ?? ''}）`
        : '未提交（实时数据）');
    sheet.mergeCells(3, 1, 3, last);
    sheet.getCell(3, 1).value = `年度绩效目标：${version?.annualGoal ?? ''}`;
    sheet.getCell(3, 1).alignment = { wrapText: true, vertical: 'top' };
    sheet.getRow(3).height = Math.min(300, 18 * Math.ceil(((version?.annualGoal.length ?? 0) + 8) / 90));
    sheet.getRow(HEADER_ROW).values = [...SELF_EVALUATION_COLUMNS];
    sheet.getRow(HEADER_ROW).font = { bold: true };
    this.writeRows(sheet, view);
    WIDTHS.forEach((width, index) => (sheet.getColumn(index + 1).width = width));
    for (let r = HEADER_ROW; r <= sheet.rowCount; r++) {
      for (let c = 1; c <= last; c++) {
        const cell = sheet.getCell(r, c);
        cell.border = BORDER;
        cell.alignment = { ...cell.alignment, vertical: 'middle', wrapText: true };
      }
    }
    return {
      buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
      name: `${table.year}年度${table.name}绩效自评表.xlsx`,
    };
  }

  private writeRows(sheet: ExcelJS.Worksheet, view: EvaluationView) {
    const first = HEADER_ROW + 1;
    for (const row of view.rows) {
      sheet.addRow([
        row.level1,
        row.level2,
        row.name,
        NATURE_SYMBOLS[row.nature].zh,
        row.target === null ? '' : row.target,
        row.unit,
        actualCell(row),
        row.maxPoints,
        row.points,
        row.reason ?? '',
      ]);
    }
    mergeRuns(
      sheet,
      1,
      first,
      view.rows.map((row) => row.level1),
    );
    mergeRuns(
      sheet,
      2,
      first,
      view.rows.map((row) => `${row.level1}\u0000${row.level2}`),
    );
    const budget = view.budgetExecution;
    if (budget) {
      sheet.addRow([
        '预算执行率',
        '预算执行率',
        '预算执行率（已支付 ÷ 调整后预算）',
        NATURE_SYMBOLS['>='].zh,
        100,
        '%',
        budget.rate === null ? '' : round2(budget.rate * 100),
        budget.maxPoints,
        budget.points,
        '',
      ]);
    }
    const total = sheet.addRow([
      '合计',
      '',
      '',
      '',
      '',
      '',
      '',
      roundPoints(view.maxTotal),
      view.total,
      `自评等级：${view.grade}`,
    ]);
    sheet.mergeCells(total.number, 1, total.number, 7);
    total.font = { bold: true };
    for (const column of [5, 7]) sheet.getColumn(column).numFmt = '#,##0.##';
    for (const column of [8, 9]) sheet.getColumn(column).numFmt = '0.00';
  }
}
