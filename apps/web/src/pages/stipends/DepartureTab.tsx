import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { DepartureSubsidyView, StipendProgrammeView } from '@xiaoshi/contracts';
import { Alert, App, Button, Card, Col, Flex, Input, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../api/errors';
import { stipendsApi } from '../../api/stipends';
import { useAuth } from '../../app/auth/AuthContext';
import { Money } from '../../components/Money';
import { QueryError } from '../../components/QueryError';
import { errorMessage } from '../../lib/errors';
import { yuan } from '../../lib/money';
import { type StipendKey } from './i18n';
import { stipendText } from './i18n';

type Person = DepartureSubsidyView['people'][number];

/** 离任一次性补助: pick the election date, see each cadre's months × rate, generate the one-off batch. */
export function DepartureTab({
  programme,
  onBatch,
}: {
  programme: StipendProgrammeView;
  onBatch: (id: number) => void;
}) {
  const s = stipendText.useT();
  const { can } = useAuth();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const [dateInput, setDateInput] = useState('');
  const [electionDate, setElectionDate] = useState<string | null>(null);
  const [generateError, setGenerateError] = useState<string | null>(null);

  const result = useQuery({
    queryKey: ['stipends', 'departures', programme.id, electionDate],
    queryFn: ({ signal }) => stipendsApi.departureSubsidies(programme.id, electionDate!, signal),
    enabled: !!electionDate,
  });
  const data = result.data;

  const generate = (view: DepartureSubsidyView) =>
    modal.confirm({
      title: s('dep.generateConfirm', {
        date: view.electionDate,
        count: view.eligibleCount,
        total: yuan(view.totalFen),
      }),
      okText: s('dep.generate'),
      onOk: async () => {
        setGenerateError(null);
        try {
          const batch = await stipendsApi.generateBatch(programme.id, { electionDate: view.electionDate });
          void message.success(s('batches.generated'));
          await queryClient.invalidateQueries({ queryKey: ['stipends'] });
          onBatch(batch.id);
        } catch (error) {
          setGenerateError(
            [errorMessage(error), ...(isApiError(error) ? Object.values(error.fields) : [])].join('；'),
          );
        }
      },
    });

  const line = data?.budget.adjustedBudgetFen ?? 0;
  return (
    <Flex vertical gap={16}>
      <Card size="small" title={`${s('dep.title')} · ${programme.name}`}>
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{s('dep.help')}</Typography.Text>
          <Flex gap={8} wrap align="center">
            <Typography.Text>{s('dep.electionDate')}</Typography.Text>
            <Input
              type="date"
              aria-label={s('dep.electionDate')}
              style={{ width: 180 }}
              value={dateInput}
              onChange={(event) => setDateInput(event.target.value)}
              onPressEnter={() => setElectionDate(dateInput || null)}
            />
            <Button type="primary" disabled={!dateInput} onClick={() => setElectionDate(dateInput || null)}>
              {s('dep.calculate')}
            </Button>
          </Flex>
        </Flex>
      </Card>
      {result.isError && <QueryError error={result.error} onRetry={() => void result.refetch()} compact />}
      {electionDate && result.isPending && <Card loading size="small" />}
      {data && (
        <>
          <Typography.Text type="secondary">
            {data.ruleVersion
              ? s('dep.rule', {
                  doc: data.ruleVersion.documentNumber,
                  date: data.ruleVersion.effectiveFrom,
                  from: data.electionDate,
                  until: data.departedUntil,
                })
              : s('dep.noRule')}
          </Typography.Text>
          <Row gutter={[16, 16]}>
            <Col xs={24} sm={12} xl={6}>
              <Statistic title={s('dep.eligibleCount')} value={data.eligibleCount} />
            </Col>
            <Col xs={24} sm={12} xl={6}>
              <Statistic title={s('dep.total')} value={yuan(data.totalFen)} />
            </Col>
            <Col xs={24} sm={12} xl={6}>
              <Statistic title={s('dep.line')} value={yuan(line)} />
            </Col>
            <Col xs={24} sm={12} xl={6}>
              <Statistic
                title={s('dep.variance', { line: yuan(line) })}
                value={`${data.varianceFen >= 0 ? '−' : '+'}${yuan(Math.abs(data.varianceFen))}`}
                suffix={
                  <Tag color={data.varianceFen >= 0 ? 'green' : 'red'}>
                    {s(data.varianceFen >= 0 ? 'dep.under' : 'dep.over')}
                  </Tag>
                }
              />
            </Col>
          </Row>
          <Table<Person>
            rowKey="personId"
            size="middle"
            dataSource={data.people}
            pagination={false}
            scroll={{ x: 'max-content' }}
            rowClassName={(row) => (row.eligible ? '' : 'xs-row-muted')}
            columns={[
              { title: s('dep.col.name'), dataIndex: 'name' },
              {
                title: s('dep.col.unit'),
                key: 'unit',
                render: (_, row) => (
                  <Flex vertical>
                    <span>{row.community}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {row.street}
                    </Typography.Text>
                  </Flex>
                ),
              },
              { title: s('dep.col.departure'), dataIndex: 'departureDate' },
              {
                title: s('dep.col.post'),
                dataIndex: 'highestPost',
                render: (post: string | null) => (post ? s(`post.${post}` as StipendKey) : '—'),
              },
              { title: s('dep.col.terms'), dataIndex: 'fullTerms', align: 'right' },
              { title: s('dep.col.months'), dataIndex: 'months', align: 'right' },
              {
                title: s('dep.col.rate'),
                dataIndex: 'monthlyRateFen',
                align: 'right',
                render: (fen: number) => <Money fen={fen} />,
              },
              {
                title: s('dep.col.amount'),
                dataIndex: 'amountFen',
                align: 'right',
                render: (fen: number) => <Money fen={fen} strong />,
              },
              {
                title: s('dep.col.note'),
                key: 'note',
                render: (_, row) => (
                  <Flex gap={4} wrap>
                    <Tag color={row.eligible ? 'green' : 'default'}>
                      {s(row.eligible ? 'dep.eligible' : 'dep.ineligible')}
                    </Tag>
                    {row.alreadyPaidInBatchId && (
                      <Tag color="blue">{s('dep.alreadyPaid', { id: row.alreadyPaidInBatchId })}</Tag>
                    )}
                    {row.reasons.length > 0 && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {row.reasons.join('；')}
                      </Typography.Text>
                    )}
                  </Flex>
                ),
              },
            ]}
          />
          {generateError && (
            <Alert
              type="error"
              showIcon
              title={generateError}
              closable
              onClose={() => setGenerateError(null)}
            />
          )}
          {can('stipends.prepare') && (
            <Flex justify="flex-end">
              <Button type="primary" disabled={data.eligibleCount === 0} onClick={() => generate(data)}>
                {s('dep.generate')}
              </Button>
            </Flex>
          )}
        </>
      )}
    </Flex>
  );
}
