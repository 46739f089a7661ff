import { PlusOutlined } from '@ant-design/icons';
import type { BudgetLineView, ProgrammeView } from '@xiaoshi/contracts';
import { Button, Card, Flex, Tag, Tooltip, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { LedgerBar } from '../../components/LedgerBar';
import { Money } from '../../components/Money';
import { percentOfBp, yuan } from '../../lib/money';
import { LineModal } from './ProgrammeModal';
import { budgetsText } from './text';
import { ledgerSourceText } from './labels';

interface Props {
  programme: ProgrammeView;
  canManage: boolean;
  onAdjust: (line: BudgetLineView) => void;
  onViewLedger: (line: BudgetLineView) => void;
}

/** A programme: its policy documents and each budget line with its bar and figures. */
export function ProgrammeCard({ programme, canManage, onAdjust, onViewLedger }: Props) {
  const t = budgetsText.useT();
  const [addingLine, setAddingLine] = useState(false);
  const sum = (pick: (line: BudgetLineView) => number) =>
    programme.lines.reduce((total, line) => total + pick(line), 0);

  return (
    <Card
      variant="borderless"
      title={
        <Flex vertical gap={2} style={{ padding: '8px 0', whiteSpace: 'normal' }}>
          <Flex gap={8} align="center" wrap>
            <Typography.Text strong style={{ fontSize: 16 }}>
              {programme.name}
            </Typography.Text>
            <Tag color="blue">{t('year', { year: programme.year })}</Tag>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal' }}>
            {t('programmeTotal')}
            <Money fen={programme.totalBudgetFen} showWan strong style={{ marginInlineStart: 4 }} />
            {programme.lines.length > 1 && (
              <>
                {' · '}
                {t('col.committed')} {yuan(sum((line) => line.ledger.committedFen))}
                {' · '}
                {t('col.available')} {yuan(sum((line) => line.ledger.availableFen))}
              </>
            )}
          </Typography.Text>
        </Flex>
      }
      extra={
        canManage && (
          <Button icon={<PlusOutlined />} onClick={() => setAddingLine(true)}>
            {t('addLine')}
          </Button>
        )
      }
      data-testid={`programme-${programme.id}`}
    >
      {programme.policyRefs.length > 0 && (
        <Flex vertical gap={2} style={{ marginBottom: 16 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('policyRefs')}
          </Typography.Text>
          {programme.policyRefs.map((ref) => (
            <Typography.Text key={ref} style={{ fontSize: 13 }}>
              · {ref}
            </Typography.Text>
          ))}
        </Flex>
      )}
      {programme.lines.length === 0 ? (
        <Typography.Text type="secondary">{t('noLines')}</Typography.Text>
      ) : (
        <Flex vertical gap={12}>
          {programme.lines.map((line) => (
            <LineBlock
              key={line.id}
              line={line}
              canManage={canManage}
              onAdjust={() => onAdjust(line)}
              onViewLedger={() => onViewLedger(line)}
            />
          ))}
        </Flex>
      )}
      <LineModal programme={addingLine ? programme : null} onClose={() => setAddingLine(false)} />
    </Card>
  );
}

function Figure({
  label,
  fen,
  strong,
  hint,
}: {
  label: string;
  fen: number;
  strong?: boolean;
  hint?: ReactNode;
}) {
  return (
    <div className="xs-figure">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {hint ? (
          <Tooltip title={hint}>
            <span className="xs-dotted">{label}</span>
          </Tooltip>
        ) : (
          label
        )}
      </Typography.Text>
      <Money fen={fen} showWan stacked strong={strong} type={fen < 0 ? 'danger' : undefined} />
    </div>
  );
}

function LineBlock({
  line,
  canManage,
  onAdjust,
  onViewLedger,
}: {
  line: BudgetLineView;
  canManage: boolean;
  onAdjust: () => void;
  onViewLedger: () => void;
}) {
  const t = budgetsText.useT();
  const ledger = line.ledger;
  return (
    <div className="xs-line-block" data-testid={`budget-line-${line.id}`}>
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <Flex vertical style={{ minWidth: 0, flex: '1 1 240px' }}>
          <Typography.Text strong style={{ fontSize: 15 }}>
            {line.name}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('col.adjustedBudget')} <Money fen={ledger.adjustedBudgetFen} showWan strong />
            {ledger.adjustmentsFen !== 0 &&
              ` · ${t('originalPlusAdjustment', {
                budget: yuan(ledger.budgetFen),
                sign: ledger.adjustmentsFen > 0 ? '+' : '−',
                adjustment: yuan(Math.abs(ledger.adjustmentsFen)),
              })}`}
            {' · '}
            {t('col.executionRate')} {percentOfBp(ledger.executionRateBp)}
          </Typography.Text>
          {line.description && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {line.description}
            </Typography.Text>
          )}
        </Flex>
        <Flex gap={4}>
          <Button size="small" onClick={onViewLedger}>
            {t('ledger')}
          </Button>
          {canManage && (
            <Button size="small" onClick={onAdjust}>
              {t('adjust')}
            </Button>
          )}
        </Flex>
      </Flex>
      <div style={{ margin: '10px 0' }}>
        <LedgerBar ledger={ledger} />
      </div>
      <div className="xs-figures">
        <Figure
          label={t('col.committed')}
          fen={ledger.committedFen}
          hint={
            <div>
              <div>
                {ledgerSourceText.label('award')}：{yuan(ledger.committedBySource.award)}
              </div>
              <div>
                {ledgerSourceText.label('direct_expenditure')}：{yuan(ledger.committedBySource.direct_expenditure)}
              </div>
              <div>
                {ledgerSourceText.label('stipend')}：{yuan(ledger.committedBySource.stipend)}
              </div>
            </div>
          }
        />
        <Figure label={t('col.paid')} fen={ledger.paidFen} />
        <Figure label={t('col.reserved')} fen={ledger.reservedFen} hint={t('reservedHint')} />
        <Figure label={t('col.available')} fen={ledger.availableFen} strong />
        <Figure
          label={t('ledger.unreserved')}
          fen={ledger.unreservedFen}
          hint={t('unreservedHint')}
        />
      </div>
    </div>
  );
}
