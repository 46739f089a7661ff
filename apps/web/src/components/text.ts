import { defineNamespace } from '../i18n/i18n';

/** Shared components’ own texts (the ledger bar). */
export const componentsText = defineNamespace(
  'components',
  {
    'ledger.barLabel': '预算线资金结构',
    'ledger.paid': '已支付',
    'ledger.committedUnpaid': '已承诺未支付',
    'ledger.reserved': '已预留',
    'ledger.unreserved': '未预留',
  },
  {
    'ledger.barLabel': 'Budget line breakdown',
    'ledger.paid': 'Paid',
    'ledger.committedUnpaid': 'Committed, not paid',
    'ledger.reserved': 'Reserved',
    'ledger.unreserved': 'Unreserved',
  },
);
