import type { DirectExpenditureStatus, LedgerKind, LedgerSource } from '@xiaoshi/contracts';
import { defineEnum } from '../../i18n/i18n';

/** Budget enums, typed against the contracts' closed sets. */

export const ledgerKindText = defineEnum<LedgerKind>(
  'budgets.ledgerKind',
  {
    adjustment: '预算调整',
    commitment: '承诺',
    decommitment: '撤销承诺',
    payment: '支付',
    payment_reversal: '支付冲回',
  },
  {
    adjustment: 'Adjustment',
    commitment: 'Commitment',
    decommitment: 'Decommitment',
    payment: 'Payment',
    payment_reversal: 'Payment reversal',
  },
);

export const ledgerSourceText = defineEnum<LedgerSource>(
  'budgets.ledgerSource',
  { adjustment: '预算调整', award: '立项补助', direct_expenditure: '直接支出', stipend: '补贴发放' },
  { adjustment: 'Adjustment', award: 'Awards', direct_expenditure: 'Direct expenditure', stipend: 'Stipends' },
);

export const directExpenditureStatusText = defineEnum<DirectExpenditureStatus>(
  'budgets.directExpenditureStatus',
  { planned: '计划中', committed: '已承诺', paid: '已支付', cancelled: '已取消' },
  { planned: 'Planned', committed: 'Committed', paid: 'Paid', cancelled: 'Cancelled' },
);
