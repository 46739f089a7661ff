import type { LedgerSummary } from '@xiaoshi/contracts';
import { Flex, Tooltip, Typography } from 'antd';
import type { KeyOf } from '../i18n/i18n';
import { wan, yuan } from '../lib/money';
import { componentsText } from './text';

/** The four parts of an adjusted budget, left to right: spent, promised, set aside, free. */
const SEGMENTS: Array<{
  key: 'paid' | 'committedUnpaid' | 'reserved' | 'unreserved';
  label: KeyOf<typeof componentsText>;
  color: string;
}> = [
  { key: 'paid', label: 'ledger.paid', color: '#1e3a8a' },
  { key: 'committedUnpaid', label: 'ledger.committedUnpaid', color: '#3b82f6' },
  { key: 'reserved', label: 'ledger.reserved', color: '#f59e0b' },
  { key: 'unreserved', label: 'ledger.unreserved', color: '#d1fae5' },
];

export function ledgerParts(ledger: LedgerSummary) {
  return {
    paid: Math.max(ledger.paidFen, 0),
    committedUnpaid: Math.max(ledger.committedFen - ledger.paidFen, 0),
    reserved: Math.max(ledger.reservedFen, 0),
    unreserved: Math.max(ledger.unreservedFen, 0),
  };
}

/**
 * A stacked bar of a budget line: paid, committed but not yet paid, reserved by live competitions
 * and planned expenditures, and what is still free. Widths are shares of the adjusted budget.
 */
export function LedgerBar({ ledger, legend }: { ledger: LedgerSummary; legend?: boolean }) {
  const t = componentsText.useT();
  const parts = ledgerParts(ledger);
  const whole = Math.max(
    ledger.adjustedBudgetFen,
    parts.paid + parts.committedUnpaid + parts.reserved + parts.unreserved,
    1,
  );
  return (
    <div>
      <div className="xs-ledger-bar" role="img" aria-label={t('ledger.barLabel')}>
        {SEGMENTS.map((segment) =>
          parts[segment.key] > 0 ? (
            <Tooltip
              key={segment.key}
              title={`${t(segment.label)}：${yuan(parts[segment.key])}（${wan(parts[segment.key])}）`}
            >
              <span
                className="xs-ledger-segment"
                style={{ width: `${(parts[segment.key] / whole) * 100}%`, background: segment.color }}
              />
            </Tooltip>
          ) : null,
        )}
      </div>
      {legend && (
        <Flex gap={12} wrap style={{ marginTop: 6 }}>
          {SEGMENTS.map((segment) => (
            <Flex key={segment.key} gap={4} align="center">
              <span className="xs-legend-dot" style={{ background: segment.color }} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(segment.label)} {wan(parts[segment.key])}
              </Typography.Text>
            </Flex>
          ))}
        </Flex>
      )}
    </div>
  );
}
