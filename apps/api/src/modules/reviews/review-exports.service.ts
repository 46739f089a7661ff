import { Injectable } from '@nestjs/common';
import { fenToYuanString } from '@xiaoshi/domain';
import ExcelJS from 'exceljs';
import type { AuthUser } from '../../common/actor.js';
import { CompetitionsService } from '../competitions/competitions.service.js';
import { ReviewExportsRepository } from './review-exports.repository.js';
import { ReviewRankingService } from './review-ranking.service.js';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };

function styleHeader(row: ExcelJS.Row) {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = {
      top: { style: 'thin' },
      bottom: { style: 'thin' },
      left: { style: 'thin' },
      right: { style: 'thin' },
    };
  });
}

/**
 * The panel's spreadsheets: the full score matrix (application × reviewer × criterion), the
 * ranking, and the 评分汇总表 a panel signs. Small enough (≤ thousands of rows) to build in the request.
 */
@Injectable()
export class ReviewExportsService {
  constructor(
    private readonly rankings: ReviewRankingService,
    private readonly competitions: CompetitionsService,
    private readonly repository: ReviewExportsRepository,
  ) {}

  private async finish(workbook: ExcelJS.Workbook): Promise<Buffer> {
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  async scoreMatrix(user: AuthUser, competitionId: number): Promise<Buffer> {
    const competition = await this.competitions.get(user, competitionId);
    await this.rankings.ranking(user, competitionId); // permission and scope
    const rows = await this.repository.matrix(competitionId);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('评分明细');
    sheet.columns = [
      { header: '项目编号', key: 'id', width: 10 },
      { header: '项目名称', key: 'title', width: 36 },
      { header: '评审专家', key: 'reviewer', width: 16 },
      { header: '状态', key: 'status', width: 10 },
      ...competition.rubric.map((criterion) => ({
        header: `${criterion.name}（${criterion.maxPoints}分）`,
        key: criterion.key,
        width: 14,
      })),
      { header: '总分', key: 'total', width: 10 },
      { header: '评语', key: 'comments', width: 40 },
    ];
    styleHeader(sheet.getRow(1));
    for (const row of rows) {
      sheet.addRow({
        id: row.applicationId,
        title: row.title,
        reviewer: row.reviewer,
        status: row.status === 'submitted' ? '已提交' : row.status === 'draft' ? '草稿' : '未开始',
        ...Object.fromEntries(
          competition.rubric.map((criterion) => [criterion.key, row.scores[criterion.key] ?? null]),
        ),
        total: row.status === 'submitted' ? row.total : null,
        comments: Object.values(row.comments).filter(Boolean).join('；'),
      });
    }
    return this.finish(workbook);
  }

  async ranking(user: AuthUser, competitionId: number): Promise<Buffer> {
    const rows = await this.rankings.ranking(user, competitionId);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('排名');
    sheet.columns = [
      { header: '名次', key: 'rank', width: 8 },
      { header: '项目名称', key: 'title', width: 36 },
      { header: '类别', key: 'category', width: 10 },
      { header: '街道', key: 'street', width: 12 },
      { header: '社区', key: 'community', width: 12 },
      { header: '得分', key: 'score', width: 10, style: { numFmt: '0.00' } },
      { header: '计分方法', key: 'method', width: 22 },
      { header: '有效评分表', key: 'used', width: 12 },
      { header: '分歧', key: 'disagreement', width: 8 },
      { header: '受益人数', key: 'beneficiaries', width: 10 },
      { header: '申请补助（元）', key: 'subsidy', width: 16, style: { numFmt: '#,##0.00' } },
      { header: '可资助', key: 'fundable', width: 8 },
    ];
    styleHeader(sheet.getRow(1));
    for (const row of rows) {
      sheet.addRow({
        rank: row.rank,
        title: row.title,
        category: row.category,
        street: row.street,
        community: row.community,
        score: row.score,
        method: row.method === 'trimmed_mean' ? '去掉一个最高分和一个最低分' : '算术平均',
        used: `${row.sheetsUsed}/${row.sheetsDue}`,
        disagreement: row.disagreement ? '是' : '',
        beneficiaries: row.beneficiariesCount,
        subsidy: Number(fenToYuanString(row.requestedSubsidyFen)),
        fundable: row.fundable ? '是' : '否',
      });
    }
    return this.finish(workbook);
  }

  /** 评分汇总表: one row per application, one column per reviewer, final score, signature lines. */
  async summary(user: AuthUser, competitionId: number): Promise<Buffer> {
    const competition = await this.competitions.get(user, competitionId);
    const ranking = await this.rankings.ranking(user, competitionId);
    const cells = await this.repository.summaryCells(competitionId);
    const reviewers = [...new Map(cells.map((cell) => [cell.reviewerUserId, cell.displayName])).entries()];
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('评分汇总表');
    const width = 4 + reviewers.length + 2;
    sheet.mergeCells(1, 1, 1, width);
    sheet.getCell(1, 1).value = `${competition.title} 评分汇总表`;
    sheet.getCell(1, 1).font = { bold: true, size: 16 };
    sheet.getCell(1, 1).alignment = { horizontal: 'center' };
    const header = sheet.getRow(2);
    header.values = [
      '序号',
      '项目名称',
      '街道',
      '社区',
      ...reviewers.map(([, name]) => name),
      '最终得分',
      '名次',
    ];
    styleHeader(header);
    ranking.forEach((row, index) => {
      const totals = reviewers.map(([reviewerId]) => {
        const cell = cells.find(
          (candidate) => candidate.applicationId === row.applicationId && candidate.reviewerUserId === reviewerId,
        );
        return cell?.status === 'submitted' ? cell.total : cell ? '未提交' : '—';
      });
      sheet.addRow([
        index + 1,
        row.title,
        row.street,
        row.community,
        ...totals,
        row.score === null ? '' : Number(row.score.toFixed(2)),
        row.rank,
      ]);
    });
    sheet.getColumn(2).width = 36;
    sheet.addRow([]);
    sheet.addRow([
      `计分方法：${ranking[0]?.method === 'mean' ? '算术平均' : '5份及以上去掉一个最高分和一个最低分后取平均'}`,
    ]);
    sheet.addRow(['评审组长签字：', '', '', '', '日期：']);
    sheet.addRow(['评审专家签字：']);
    return this.finish(workbook);
  }
}
