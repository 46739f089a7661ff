import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Flex, Progress, Row, Select, Skeleton, Table, Typography } from 'antd';
import { useState } from 'react';
import type { LedgerDashboardView } from '@xiaoshi/contracts';
import { paymentsApi } from '../../api/delivery';
import { Money } from '../../components/Money';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { percentOfBp, wan } from '../../lib/money';
import { beijingYear } from '../../lib/time';
import '../delivery/delivery.css';
import { text as dashboardsText } from '../dashboards/text';
import { BarChart } from './BarChart';
import { deliveryText } from '../delivery/i18n';

const COLORS = { budget: '#cbd5e1', committed: '#60a5fa', paid: '#1e3a8a' };

/** 资金台账: budget vs committed vs paid by line and by street, and the execution rate (预算执行率). */
export default function LedgerDashboardPage() {
  const d = deliveryText.useT();
  const thisYear = beijingYear();
  const [year, setYear] = useState(thisYear);
  const years = Array.from({ length: 6 }, (_, i) => thisYear + 1 - i);
  const dashboard = useQuery({
    queryKey: ['payments', 'dashboard', year],
    queryFn: ({ signal }) => paymentsApi.dashboard(year, signal),
  });

  return (
    <>
      <PageHeader
        title={d('ledger.title')}
        subtitle={d('ledger.subtitle')}
        extra={
          <Select<number>
            value={year}
            onChange={setYear}
            options={years.map((value) => ({ value, label: d('ledger.year', { year: value }) }))}
            style={{ width: 120 }}
            aria-label={d('ledger.year', { year: '' })}
          />
        }
      />
      {dashboard.isError ? (
        <Card variant="borderless">
          <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} />
        </Card>
      ) : dashboard.isPending ? (
        <Card variant="borderless">
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : (
        <Dashboard data={dashboard.data} />
      )}
    </>
  );
}

function Kpi({ label, fen, testId }: { label: string; fen: number; testId: string }) {
  return (
    <Card variant="borderless" size="small" style={{ height: '100%' }}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <div className="xs-dl-figure-value" style={{ fontSize: 22 }} data-testid={testId} data-fen={fen}>
        {wan(fen)}
      </div>
      <Money fen={fen} type="secondary" style={{ fontSize: 12 }} />
    </Card>
  );
}

function Dashboard({ data }: { data: LedgerDashboardView }) {
  const d = deliveryText.useT();
  const unit = dashboardsText.useT()('wanUnit');
  const rate = data.total.executionRateBp;
  return (
    <Flex vertical gap={16}>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Kpi label={d('ledger.budget')} fen={data.total.budgetFen} testId="kpi-budget" />
        </Col>
        <Col xs={12} md={6}>
          <Kpi label={d('ledger.committed')} fen={data.total.committedFen} testId="kpi-committed" />
        </Col>
        <Col xs={12} md={6}>
          <Kpi label={d('ledger.paid')} fen={data.total.paidFen} testId="kpi-paid" />
        </Col>
        <Col xs={12} md={6}>
          <Card variant="borderless" size="small" style={{ height: '100%' }}>
            <Typography.Text type="secondary">{d('ledger.rate')}</Typography.Text>
            <Flex align="center" gap={12}>
              <Progress
                type="circle"
                size={56}
                percent={Math.min(100, rate / 100)}
                format={() => ''}
                strokeColor={COLORS.paid}
              />
              <span className="xs-dl-figure-value" style={{ fontSize: 22 }} data-testid="kpi-rate">
                {percentOfBp(rate)}
              </span>
            </Flex>
          </Card>
        </Col>
      </Row>
      <Card variant="borderless" title={d('ledger.byLine')}>
        {data.byLine.length === 0 ? (
          <Empty description={d('ledger.none')} />
        ) : (
          <>
            <BarChart
              testId="chart-lines"
              unit={unit}
              series={[
                { key: 'budget', label: d('ledger.budget'), color: COLORS.budget },
                { key: 'committed', label: d('ledger.committed'), color: COLORS.committed },
                { key: 'paid', label: d('ledger.paid'), color: COLORS.paid },
              ]}
              groups={data.byLine.map((line) => ({
                key: line.budgetLineId,
                label: line.name,
                values: { budget: line.budgetFen, committed: line.committedFen, paid: line.paidFen },
                description: d('ledger.chartLabel', {
                  name: line.name,
                  budget: wan(line.budgetFen),
                  committed: wan(line.committedFen),
                  paid: wan(line.paidFen),
                }),
              }))}
            />
            <Table
              style={{ marginTop: 16 }}
              size="small"
              rowKey="budgetLineId"
              pagination={false}
              dataSource={data.byLine}
              scroll={{ x: 760 }}
              columns={[
                {
                  title: d('ledger.col.line'),
                  key: 'name',
                  render: (_, line) => (
                    <Flex vertical>
                      <Typography.Text>{line.name}</Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {line.programme}
                      </Typography.Text>
                    </Flex>
                  ),
                },
                {
                  title: d('ledger.budget'),
                  key: 'budget',
                  align: 'right',
                  render: (_, line) => <Money fen={line.budgetFen} showWan stacked />,
                },
                {
                  title: d('ledger.committed'),
                  key: 'committed',
                  align: 'right',
                  render: (_, line) => <Money fen={line.committedFen} showWan stacked />,
                },
                {
                  title: d('ledger.paid'),
                  key: 'paid',
                  align: 'right',
                  render: (_, line) => (
                    <span data-testid={`line-paid-${line.budgetLineId}`}>
                      <Money fen={line.paidFen} showWan stacked />
                    </span>
                  ),
                },
                {
                  title: d('ledger.rate'),
                  key: 'rate',
                  width: 180,
                  render: (_, line) => (
                    <Progress
                      percent={Math.min(100, line.executionRateBp / 100)}
                      format={() => percentOfBp(line.executionRateBp)}
                      size="small"
                      strokeColor={COLORS.paid}
                    />
                  ),
                },
              ]}
            />
          </>
        )}
      </Card>
      <Card variant="borderless" title={d('ledger.byStreet')}>
        {data.byStreet.length === 0 ? (
          <Empty description={d('ledger.noStreets')} />
        ) : (
          <BarChart
            testId="chart-streets"
            unit={unit}
            series={[
              { key: 'awarded', label: d('ledger.awarded'), color: COLORS.committed },
              { key: 'paid', label: d('ledger.paid'), color: COLORS.paid },
            ]}
            groups={data.byStreet.map((street) => ({
              key: street.streetId,
              label: `${street.name}（${street.accepted}/${street.projects}）`,
              values: { awarded: street.awardedFen, paid: street.paidFen },
              description: d('ledger.streetChartLabel', {
                name: street.name,
                awarded: wan(street.awardedFen),
                paid: wan(street.paidFen),
              }),
            }))}
          />
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {d('ledger.col.projects')}
        </Typography.Text>
      </Card>
    </Flex>
  );
}
