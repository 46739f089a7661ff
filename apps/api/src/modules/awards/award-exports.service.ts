import { Injectable } from '@nestjs/common';
import { fenToYuanString } from '@xiaoshi/domain';
import ExcelJS from 'exceljs';
import type { AuthUser } from '../../common/actor.js';
import { NoticesService } from './notices.service.js';

/** The 公示 list as an Excel sheet, laid out as offices post it. */
@Injectable()
export class AwardExportsService {
  constructor(private readonly notices: NoticesService) {}

  async notice(user: AuthUser, id: number): Promise<{ buffer: Buffer; name: string }> {
    const notice = await this.notices.scopedNotice(user, id);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('公示名单');
    sheet.mergeCells('A1:G1');
    sheet.getCell('A1').value = notice.title;
    sheet.getCell('A1').font = { bold: true, size: 16 };
    sheet.getCell('A1').alignment = { horizontal: 'center' };
    sheet.getRow(2).values = [
      `公示期：${notice.firstDay} 至 ${notice.lastDay}（${notice.workingDays}个工作日）    联系方式：${notice.contact}`,
    ];
    sheet.getRow(3).values = ['序号', '项目名称', '街道', '社区', '类别', '评审得分', '拟补助金额（元）'];
    sheet.getRow(3).font = { bold: true };
    notice.items.forEach((item, index) => {
      sheet.addRow([
        index + 1,
        item.title,
        item.street,
        item.community,
        item.category,
        item.score === null ? '' : Number(item.score.toFixed(2)),
        Number(fenToYuanString(item.amountFen)),
      ]);
    });
    const total = notice.items
      .filter((item) => item.status !== 'withdrawn')
      .reduce((sum, item) => sum + item.amountFen, 0);
    sheet.addRow(['合计', '', '', '', '', '', Number(fenToYuanString(total))]).font = { bold: true };
    sheet.getColumn(2).width = 36;
    sheet.getColumn(7).width = 18;
    sheet.getColumn(7).numFmt = '#,##0.00';
    return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), name: `${notice.title}.xlsx` };
  }
}
