import type { ProjectView } from '@xiaoshi/contracts';
import { Card, Flex, Table, Tag, Typography } from 'antd';
import { type ReactNode } from 'react';
import { Money } from '../../../components/Money';
import { percentOfBp, yuan } from '../../../lib/money';
import { conditionLabel, paidPerTranche } from '../shared';
import { deliveryText } from '../i18n';

export function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="xs-dl-figure">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      <span className="xs-dl-figure-value">{children}</span>
    </div>
  );
}

export function MoneyCard({ project: p }: { project: ProjectView }) {
  const d = deliveryText.useT();
  const paid = paidPerTranche(p);
  return (
    <Card variant="borderless" title={d('project.money')}>
      <div className="xs-dl-figures" style={{ marginBottom: 16 }} data-testid="project-money">
        <Figure label={d('project.amount')}>
          <Money fen={p.amountFen} showWan stacked />
        </Figure>
        <Figure label={d('project.released')}>
          <Money fen={p.money.releasedFen} />
        </Figure>
        <Figure label={d('project.requested')}>
          <Money fen={p.money.requestedFen} />
        </Figure>
        <Figure label={d('project.paid')}>
          <Money fen={p.money.paidFen} type={p.money.paidFen > 0 ? 'success' : undefined} />
        </Figure>
        <Figure label={d('project.available')}>
          <Money fen={p.money.availableFen} />
        </Figure>
      </div>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {d('tranches.title')}
      </Typography.Title>
      <Table
        size="small"
        rowKey="index"
        pagination={false}
        dataSource={p.tranches}
        scroll={{ x: 560 }}
        onRow={(tranche) =>
          ({ 'data-testid': `tranche-${tranche.index}` }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: d('tranches.col.index'),
            key: 'index',
            width: 80,
            render: (_, tranche) => d('tranches.index', { n: tranche.index + 1 }),
          },
          {
            title: d('tranches.col.condition'),
            key: 'condition',
            render: (_, tranche) => conditionLabel(d, tranche.condition, tranche.conditionLabel),
          },
          {
            title: d('tranches.col.share'),
            key: 'share',
            width: 70,
            align: 'right',
            render: (_, tranche) => percentOfBp(tranche.percentBp),
          },
          {
            title: d('tranches.col.amount'),
            key: 'amount',
            align: 'right',
            render: (_, tranche) => <Money fen={tranche.amountFen} />,
          },
          {
            title: d('tranches.col.state'),
            key: 'state',
            width: 170,
            render: (_, tranche) => {
              const done = paid[tranche.index];
              if (done >= tranche.amountFen && tranche.amountFen > 0)
                return (
                  <Tag color="success" data-tranche-state="paid">
                    {d('tranches.paid')}
                  </Tag>
                );
              return (
                <Flex gap={4} wrap>
                  <Tag
                    color={tranche.released ? 'processing' : 'default'}
                    data-tranche-state={tranche.released ? 'released' : 'locked'}
                  >
                    {tranche.released ? d('tranches.released') : d('tranches.locked')}
                  </Tag>
                  {done > 0 && <Tag>{d('tranches.partPaid', { amount: yuan(done) })}</Tag>}
                </Flex>
              );
            },
          },
        ]}
      />
    </Card>
  );
}
