import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  BudgetAdjustmentRequest,
  CreateBudgetLineRequest,
  CreateDirectExpenditureRequest,
  CreateProgrammeRequest,
  ProgrammeListQuery,
} from '@xiaoshi/contracts';
import { fenToYuanString } from '@xiaoshi/domain';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AuthenticatedActor } from '../../common/actor.js';
import { CurrentActor, RequirePermission } from '../../common/route-access.decorator.js';
import { IdPipe, ZodBody, ZodQuery } from '../../common/validation.js';
import { BudgetsService } from './budgets.service.js';
import { XLSX_MIME, sendDownload } from '../../common/download.js';

const DirectExpenditureQuery = z.object({ budgetLineId: z.coerce.number().int().positive().optional() });

@ApiTags('budgets')
@Controller()
export class BudgetsController {
  constructor(private readonly budgets: BudgetsService) {}

  @Get('programmes')
  @RequirePermission('budgets.read')
  programmes(
    @CurrentActor() actor: AuthenticatedActor,
    @ZodQuery(ProgrammeListQuery) query: ProgrammeListQuery,
  ) {
    return this.budgets.listProgrammes(actor.user, query);
  }

  @Post('programmes')
  @RequirePermission('budgets.manage')
  createProgramme(
    @CurrentActor() actor: AuthenticatedActor,
    @ZodBody(CreateProgrammeRequest) body: CreateProgrammeRequest,
  ) {
    return this.budgets.createProgramme(actor, body);
  }

  @Post('programmes/:id/lines')
  @RequirePermission('budgets.manage')
  createLine(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(CreateBudgetLineRequest) body: CreateBudgetLineRequest,
  ) {
    return this.budgets.createLine(actor, id, body);
  }

  @Get('budget-lines/:id')
  @RequirePermission('budgets.read')
  line(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.budgets.getLine(actor.user, id);
  }

  @Get('budget-lines/:id/ledger')
  @RequirePermission('budgets.read')
  ledger(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.budgets.ledgerEntries(actor.user, id);
  }

  /** 预算调整 with its reason; audited with the before and after totals. */
  @Post('budget-lines/:id/adjustments')
  @RequirePermission('budgets.manage')
  adjust(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(BudgetAdjustmentRequest) body: BudgetAdjustmentRequest,
  ) {
    return this.budgets.adjust(actor, id, body);
  }

  @Get('direct-expenditures')
  @RequirePermission('budgets.read')
  directExpenditures(
    @CurrentActor() actor: AuthenticatedActor,
    @ZodQuery(DirectExpenditureQuery) query: z.infer<typeof DirectExpenditureQuery>,
  ) {
    return this.budgets.listDirectExpenditures(actor.user, query.budgetLineId);
  }

  @Post('direct-expenditures/:id/approve')
  @HttpCode(200)
  @RequirePermission('budgets.manage')
  approveDirectExpenditure(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.budgets.approveDirectExpenditure(actor, id);
  }

  /** The ledger of one line as Excel: the summary and every movement. */
  @Get('budget-lines/:id/export')
  @RequirePermission('budgets.read')
  async exportLedger(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @Res() reply: FastifyReply,
  ) {
    const line = await this.budgets.getLine(actor.user, id);
    const entries = await this.budgets.ledgerEntries(actor.user, id);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('预算台账');
    const yuan = (fen: number) => Number(fenToYuanString(fen));
    sheet.addRow([line.name]).font = { bold: true, size: 14 };
    const summary: Array<[string, number]> = [
      ['预算（元）', yuan(line.ledger.budgetFen)],
      ['调整（元）', yuan(line.ledger.adjustmentsFen)],
      ['调整后预算（元）', yuan(line.ledger.adjustedBudgetFen)],
      ['已承诺（元）', yuan(line.ledger.committedFen)],
      ['已支付（元）', yuan(line.ledger.paidFen)],
      ['可用（元）', yuan(line.ledger.availableFen)],
    ];
    for (const row of summary) sheet.addRow(row).getCell(2).numFmt = '#,##0.00';
    sheet.addRow([]);
    sheet.addRow(['序号', '时间', '类型', '来源', '金额（元）', '说明']).font = { bold: true };
    const kinds: Record<string, string> = {
      adjustment: '预算调整',
      commitment: '承诺',
      decommitment: '撤销承诺',
      payment: '支付',
      payment_reversal: '支付冲销',
    };
    const sources: Record<string, string> = {
      adjustment: '调整',
      award: '立项项目',
      direct_expenditure: '直接支出',
      stipend: '补助发放',
    };
    entries.forEach((entry, index) => {
      const row = sheet.addRow([
        index + 1,
        new Date(entry.createdAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }),
        kinds[entry.kind] ?? entry.kind,
        sources[entry.source] ?? entry.source,
        yuan(entry.amountFen),
        entry.reason ?? '',
      ]);
      row.getCell(5).numFmt = '#,##0.00';
    });
    sheet.getColumn(2).width = 20;
    sheet.getColumn(5).width = 16;
    sheet.getColumn(6).width = 40;
    const name = `${line.name}-预算台账.xlsx`;
    return sendDownload(reply, Buffer.from(await workbook.xlsx.writeBuffer()), {
      name,
      contentType: XLSX_MIME,
    });
  }

  @Post('direct-expenditures')
  @RequirePermission('budgets.manage')
  createDirectExpenditure(
    @CurrentActor() actor: AuthenticatedActor,
    @ZodBody(CreateDirectExpenditureRequest) body: CreateDirectExpenditureRequest,
  ) {
    return this.budgets.createDirectExpenditure(actor, body);
  }
}
