import { Flex, Tag, Typography } from 'antd';
import { wan, yuan } from '../../lib/money';
import { awardText, type AwardKey, type AwardText } from './text';

const DECISION_COLORS: Record<string, string> = {
  proposed: 'gold',
  superseded: 'default',
  in_notice: 'processing',
  approved: 'success',
  withdrawn: 'error',
};

/** A decision's or an award's status (they share the words). */
export function AwardStatusTag({ status, kind = 'award' }: { status: string; kind?: 'award' | 'decision' }) {
  const a = awardText.useT();
  const key = `${kind === 'award' ? 'awardStatus' : 'decisionStatus'}.${status}` as AwardKey;
  return (
    <Tag color={DECISION_COLORS[status] ?? 'default'} style={{ marginInlineEnd: 0 }} data-status={status}>
      {awardText.has(key) ? a(key) : status}
    </Tag>
  );
}

export function methodLabel(method: string, a: AwardText): string {
  return method === 'rank_order' || method === 'optimal' || method === 'manual'
    ? a(`method.${method}`)
    : method;
}

/**
 * The money of one answer against the envelope: the filled share, and what is left (or over).
 * Green while it fits, red when it does not.
 */
export function BudgetBar({
  totalFen,
  envelopeFen,
  testId,
}: {
  totalFen: number;
  envelopeFen: number;
  testId?: string;
}) {
  const a = awardText.useT();
  const over = totalFen > envelopeFen;
  const share = envelopeFen > 0 ? Math.min(totalFen / envelopeFen, 1) : 1;
  return (
    <div data-testid={testId} data-total={totalFen}>
      <div
        className="xs-award-bar"
        role="img"
        aria-label={a('budget.of', { total: yuan(totalFen), envelope: yuan(envelopeFen) })}
      >
        <span
          className="xs-award-bar-fill"
          style={{ width: `${share * 100}%`, background: over ? '#dc2626' : '#2563eb' }}
        />
      </div>
      <Flex justify="space-between" wrap gap={8} style={{ marginTop: 4 }}>
        <Typography.Text style={{ fontSize: 12, fontVariantNumeric: 'tabular-nums' }}>
          {a('budget.of', { total: wan(totalFen), envelope: wan(envelopeFen) })}
        </Typography.Text>
        <Typography.Text type={over ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
          {over
            ? a('budget.over', { amount: yuan(totalFen - envelopeFen) })
            : a('budget.left', { amount: yuan(envelopeFen - totalFen) })}
        </Typography.Text>
      </Flex>
    </div>
  );
}
