/** Printed documents (付款凭证, 合格证书): escaping and the page they are printed on. */

/** Payment statuses as printed on vouchers and the register. */
export const STATUS_ZH: Record<string, string> = {
  requested: '待审批',
  approved: '待支付',
  rejected: '已驳回',
  paid: '已支付',
  reversed: '已冲销',
};
/** Inspection outcomes as printed on certificates. */
export const OUTCOME_ZH: Record<string, string> = {
  passed: '验收合格',
  rectification: '限期整改',
  failed: '验收不合格',
};

export const escapeHtml = (text: unknown) =>
  String(text ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** A printable A4/A5 page in the style of the district's paper forms, with a print button. */
export const page = (title: string, size: string, body: string) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
@page { size: ${size}; margin: 12mm; }
body { font-family: "SimSun", "Songti SC", serif; color: #000; margin: 0 auto; max-width: 190mm; }
h1 { text-align: center; font-size: 20pt; letter-spacing: 4pt; margin: 4mm 0; }
table { width: 100%; border-collapse: collapse; font-size: 11pt; }
th, td { border: 1px solid #000; padding: 2mm 3mm; text-align: left; vertical-align: top; }
th { width: 28%; font-weight: normal; background: #f4f4f4; }
.meta { display: flex; justify-content: space-between; font-size: 10pt; margin: 2mm 0; }
.amount { font-size: 13pt; font-weight: bold; }
.sign { display: flex; justify-content: space-between; margin-top: 8mm; font-size: 10.5pt; }
@media print { .noprint { display: none; } }
</style></head><body>${body}
<p class="noprint"><button onclick="window.print()">打印</button></p></body></html>`;
