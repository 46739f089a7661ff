import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CompetitionView, SelectionView } from '@xiaoshi/contracts';
import { formatScore } from '@xiaoshi/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { awardsApi } from '../../../api/awards';
import { isApiError } from '../../../api/errors';
import { useAuth } from '../../../app/auth/AuthContext';
import { Money } from '../../../components/Money';
import { errorMessage } from '../../../lib/errors';
import { yuan } from '../../../lib/money';
import { BudgetBar, methodLabel } from '../shared';
import { awardText } from '../text';
import { commonText } from '../../../i18n/common';
import { type Candidate, type Draft, sameAwards, deviationOf } from './draft';

export function DecisionEditor({
  view,
  competition,
  draft,
  setDraft,
  serverFields,
  setServerFields,
}: {
  view: SelectionView;
  competition: CompetitionView;
  draft: Draft;
  setDraft: (update: (draft: Draft) => Draft) => void;
  serverFields: Record<string, string>;
  setServerFields: (fields: Record<string, string>) => void;
}) {
  const a = awardText.useT();
  const t = commonText.useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canDecide = can('awards.decide');
  const rankOrder = useMemo(() => new Set(view.rankOrder.selected), [view]);
  const optimal = useMemo(() => new Set(view.optimal.selected), [view]);

  const chosen = view.candidates.filter((candidate) => draft.amounts[candidate.applicationId] !== undefined);
  const total = chosen.reduce((sum, candidate) => sum + draft.amounts[candidate.applicationId], 0);
  const deviations = view.candidates.filter((candidate) => deviationOf(candidate, draft, rankOrder));
  const method = sameAwards(draft.amounts, view.rankOrder)
    ? 'rank_order'
    : sameAwards(draft.amounts, view.optimal)
      ? 'optimal'
      : 'manual';
  const countOut = chosen.length < view.minCount || chosen.length > view.maxCount;
  const general = ['awards', 'count', 'maxPerStreet', 'envelopeFen', 'decision']
    .map((key) => serverFields[key])
    .filter(Boolean);

  const edit = (change: (draft: Draft) => Draft) =>
    setDraft((current) => ({ ...change(current), source: 'manual' }));
  const toggle = (candidate: Candidate, on: boolean) =>
    edit((current) => {
      const amounts = { ...current.amounts };
      if (on) amounts[candidate.applicationId] = candidate.awardFen;
      else delete amounts[candidate.applicationId];
      return { ...current, amounts };
    });
  const setAmount = (candidate: Candidate, fen: number) =>
    edit((current) => ({ ...current, amounts: { ...current.amounts, [candidate.applicationId]: fen } }));
  const setReason = (id: number, text: string) =>
    setDraft((current) => ({ ...current, reasons: { ...current.reasons, [id]: text } }));

  const decide = useMutation({
    mutationFn: () =>
      awardsApi.decide(competition.id, {
        method,
        awards: chosen.map((candidate) => ({
          applicationId: candidate.applicationId,
          amountFen: draft.amounts[candidate.applicationId],
        })),
        // Only the reasons of entries that still deviate: a stale one would mislead the record.
        reasons: Object.fromEntries(
          deviations
            .map((candidate) => [
              String(candidate.applicationId),
              draft.reasons[candidate.applicationId]?.trim() ?? '',
            ])
            .filter(([, text]) => text),
        ),
        envelopeFen: view.envelopeFen,
        maxPerStreet: view.maxPerStreet,
      }),
  });
  const submit = async () => {
    setServerFields({});
    try {
      const decision = await decide.mutateAsync();
      message.success(a('editor.submitted'));
      void queryClient.invalidateQueries({ queryKey: ['awards'] });
      void navigate(`/decisions/${decision.id}`);
    } catch (error) {
      if (isApiError(error) && Object.keys(error.fields).length) {
        setServerFields(error.fields);
        message.error(a('editor.fix'));
      } else {
        message.error(errorMessage(error));
      }
    }
  };

  const columns: TableColumnsType<Candidate> = [
    {
      title: a('editor.col.include'),
      key: 'include',
      width: 60,
      align: 'center',
      render: (_, row) => (
        <Checkbox
          checked={draft.amounts[row.applicationId] !== undefined}
          onChange={(event) => toggle(row, event.target.checked)}
          aria-label={row.title}
          data-testid={`include-${row.applicationId}`}
        />
      ),
    },
    { title: a('editor.col.rank'), dataIndex: 'rank', width: 56, align: 'center' },
    {
      title: a('editor.col.title'),
      key: 'title',
      render: (_, row) => {
        const deviation = deviationOf(row, draft, rankOrder);
        const reasonError = serverFields[`reasons.${row.applicationId}`];
        const rowError = serverFields[`awards.${row.applicationId}`];
        return (
          <div>
            <Typography.Text strong>{row.title}</Typography.Text>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {row.community} · {row.street} · {row.category}
              </Typography.Text>
            </div>
            {rowError && <Typography.Text type="danger">{rowError}</Typography.Text>}
            {(deviation || reasonError) && (
              <Form.Item
                className="xs-reason-box"
                style={{ marginBottom: 0 }}
                label={
                  deviation === 'added'
                    ? a('editor.reasonAdded')
                    : deviation === 'dropped'
                      ? a('editor.reasonDropped')
                      : a('editor.reasonReduced')
                }
                labelCol={{ span: 24 }}
                validateStatus={
                  reasonError ? 'error' : draft.reasons[row.applicationId]?.trim() ? '' : 'warning'
                }
                help={reasonError}
              >
                <Input.TextArea
                  rows={2}
                  maxLength={1000}
                  value={draft.reasons[row.applicationId] ?? ''}
                  onChange={(event) => setReason(row.applicationId, event.target.value)}
                  placeholder={a('editor.reasonPlaceholder')}
                  data-testid={`reason-${row.applicationId}`}
                  disabled={!canDecide}
                />
              </Form.Item>
            )}
          </div>
        );
      },
    },
    {
      title: a('editor.col.score'),
      dataIndex: 'score',
      width: 80,
      align: 'right',
      render: (score: number) => (
        <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatScore(score)}
        </Typography.Text>
      ),
    },
    {
      title: a('editor.col.request'),
      key: 'request',
      width: 150,
      align: 'right',
      responsive: ['lg'],
      render: (_, row) => (
        <Flex vertical align="flex-end">
          <Money fen={row.requestFen} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            ≤ {yuan(row.capFen)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: a('editor.col.award'),
      key: 'award',
      width: 190,
      render: (_, row) => {
        const amount = draft.amounts[row.applicationId];
        const error = serverFields[`awards.${row.applicationId}.amountFen`];
        if (amount === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
        return (
          <Form.Item
            style={{ marginBottom: 0 }}
            validateStatus={error ? 'error' : ''}
            help={error}
            extra={amount < row.awardFen ? a('editor.max', { amount: yuan(row.awardFen) }) : undefined}
          >
            <InputNumber<number>
              value={amount / 100}
              min={0.01}
              max={row.awardFen / 100}
              precision={2}
              step={1000}
              suffix="元"
              onChange={(value) => value !== null && setAmount(row, Math.round(value * 100))}
              style={{ width: '100%' }}
              disabled={!canDecide}
              aria-label={`${a('editor.col.award')} ${row.title}`}
              data-testid={`amount-${row.applicationId}`}
            />
          </Form.Item>
        );
      },
    },
    {
      title: a('editor.col.in'),
      key: 'in',
      width: 110,
      responsive: ['md'],
      render: (_, row) => (
        <Flex vertical gap={2} align="flex-start">
          {rankOrder.has(row.applicationId) && <Tag color="blue">{a('answer.rank_order')}</Tag>}
          {optimal.has(row.applicationId) && <Tag color="purple">{a('answer.optimal')}</Tag>}
        </Flex>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={a('editor.title')}
      extra={
        <Tag color={method === 'manual' ? 'orange' : 'blue'}>
          {a('editor.method', { method: methodLabel(method, a) })}
        </Tag>
      }
      data-testid="decision-editor"
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {a('editor.help')}
      </Typography.Paragraph>
      <Table<Candidate>
        rowKey="applicationId"
        size="small"
        columns={columns}
        dataSource={view.candidates}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: a('editor.empty') }}
        rowClassName={(row) =>
          serverFields[`reasons.${row.applicationId}`] ||
          serverFields[`awards.${row.applicationId}`] ||
          serverFields[`awards.${row.applicationId}.amountFen`]
            ? 'xs-editor-row-error'
            : deviationOf(row, draft, rankOrder)
              ? 'xs-editor-row-deviation'
              : ''
        }
        data-testid="candidates-table"
      />
      <Row gutter={[16, 12]} align="middle" style={{ marginTop: 16 }}>
        <Col xs={24} md={12}>
          <Typography.Text strong>
            {a('editor.summary', { count: chosen.length, total: yuan(total) })}
          </Typography.Text>
          <BudgetBar totalFen={total} envelopeFen={view.envelopeFen} testId="budget-draft" />
        </Col>
        <Col xs={24} md={12}>
          <Flex vertical gap={6} align="flex-end">
            {total > view.envelopeFen && (
              <Typography.Text type="danger">
                {a('editor.overEnvelope', { amount: yuan(total - view.envelopeFen) })}
              </Typography.Text>
            )}
            {countOut && (
              <Typography.Text type="danger">
                {a('editor.countOut', { min: view.minCount, max: view.maxCount })}
              </Typography.Text>
            )}
            {deviations.length > 0 && (
              <Typography.Text type="warning">
                {a('editor.deviations', { count: deviations.length })}
              </Typography.Text>
            )}
            {canDecide ? (
              <Popconfirm
                title={a('editor.submitConfirm')}
                okText={t('confirm')}
                cancelText={t('cancel')}
                onConfirm={() => submit()}
              >
                <Button type="primary" loading={decide.isPending} disabled={chosen.length === 0}>
                  {a('editor.submit')}
                </Button>
              </Popconfirm>
            ) : (
              <Tooltip title={a('editor.readOnly')}>
                <Button type="primary" disabled>
                  {a('editor.submit')}
                </Button>
              </Tooltip>
            )}
          </Flex>
        </Col>
      </Row>
      {general.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={general.join('；')}
          data-testid="decision-errors"
        />
      )}
    </Card>
  );
}
