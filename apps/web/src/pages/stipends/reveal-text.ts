import { defineNamespace } from '../../i18n/i18n';

/** The audited reveal of one roster person's personal data (shared by the stipend pages). */
export const revealText = defineNamespace(
  'stipendReveal',
  {
    view: '查看',
    title: '{name} 的个人信息',
    notice: '身份证号、银行账号和电话在列表中一律脱敏显示。本次查看已记入审计日志（查看人、对象、时间、字段）。',
    nationalId: '身份证号',
    birthDate: '出生日期',
    bank: '开户银行',
    account: '银行账号',
    phone: '联系电话',
    close: '关闭',
    masked: '已脱敏',
  },
  {
    view: 'View',
    title: 'Personal data of {name}',
    notice:
      'ID numbers, bank accounts and phones are masked in every list. This view has been written to the audit log (who, whom, when, which fields).',
    nationalId: 'ID number',
    birthDate: 'Birth date',
    bank: 'Bank',
    account: 'Bank account',
    phone: 'Phone',
    close: 'Close',
    masked: 'masked',
  },
);
