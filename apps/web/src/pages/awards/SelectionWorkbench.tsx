import { CheckOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CompetitionView, SelectionAnswer, SelectionView } from '@xiaoshi/contracts';
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
  Skeleton,
  Slider,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { awardsApi, type SelectionParams } from '../../api/awards';
import { isApiError } from '../../api/errors';
import { useAuth } from '../../app/auth/AuthContext';
import { Money } from '../../components/Money';
import { QueryError } from '../../components/QueryError';
import { errorMessage } from '../../lib/errors';
import { wan, yuan } from '../../lib/money';
import { CommittedAwards } from './CommittedAwards';
import { BudgetBar, methodLabel } from './shared';
import { awardText, type AwardText } from './text';
import { commonText } from '../../i18n/common';

type Candidate = SelectionView['candidates'][number];
type Source = 'rank_order' | 'optimal';

/** The committee's working copy: who is in, at what amount, and the reasons given so far. */
interface Draft {
  source: Source | 'manual';
  amounts: Record<number, number>;
  reasons: Record<number, string>;
}

function fromAnswer(answer: SelectionAnswer, source: Source, reasons: Record<number, string> = {}): Draft {
  return {
    source,
    amounts: Object.fromEntries(answer.awards.map((award) => [award.applicationId, award.amount])),
    reasons,
  };
}

function sameAwards(amounts: Record<number, number>, answer: SelectionAnswer): boolean {
  const ids = Object.keys(amounts);
  return (
    ids.length === answer.awards.length &&
    answer.awards.every((award) => amounts[award.applicationId] === award.amount)
  );
}

type Deviation = 'added' | 'dropped' | 'reduced';

/** Why an entry departs from the rank-order answer, if it does (the server asks the same). */
function deviationOf(candidate: Candidate, draft: Draft, rankOrder: Set<number>): Deviation | null {
  const amount = draft.amounts[candidate.applicationId];
  const included = amount !== undefined;
  if (included && !rankOrder.has(candidate.applicationId)) return 'added';
  if (!included && rankOrder.has(candidate.applicationId)) return 'dropped';
  if (included && amount < candidate.awardFen) return 'reduced';
  return null;
}

/** 立项工作台: the two answers side by side, what-if toggles, the editable proposal. */
export function SelectionWorkbench({ competition }: { competition: CompetitionView }) {
  const a = awardText.useT();
  const [params, setParams] = useState<SelectionParams>({});
  const selection = useQuery({
    queryKey: ['awards', 'selection', competition.id, params],
    queryFn: ({ signal }) => awardsApi.selection(competition.id, params, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const view = selection.data;

  if (selection.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (!view) return <QueryError error={selection.error} onRetry={() => void selection.refetch()} />;
  // After approval there is nothing left to select: the workbench shows what was committed.
  if (view.committed)
    return <CommittedAwards committed={view.committed} lineAvailableFen={view.lineAvailableFen} />;
  return (
    <Flex vertical gap={16} data-testid="selection-workbench">
      <WhatIf
        view={view}
        competition={competition}
        params={params}
        onChange={setParams}
        loading={selection.isFetching}
      />
      {selection.isError && (
        <Alert type="error" showIcon title={errorMessage(selection.error)} data-testid="selection-error" />
      )}
      <Workbench
        key={`${view.envelopeFen}:${view.maxPerStreet ?? ''}`}
        view={view}
        competition={competition}
        a={a}
      />
    </Flex>
  );
}

function WhatIf({
  view,
  competition,
  params,
  onChange,
  loading,
}: {
  view: SelectionView;
  competition: CompetitionView;
  params: SelectionParams;
  onChange: (params: SelectionParams) => void;
  loading: boolean;
}) {
  const a = awardText.useT();
  // The slider moves in whole 元 and only asks the server when it is let go.
  const [envelopeYuan, setEnvelopeYuan] = useState(Math.round(view.envelopeFen / 100));
  useEffect(() => setEnvelopeYuan(Math.round(view.envelopeFen / 100)), [view.envelopeFen]);
  const maxYuan = Math.max(Math.floor(view.lineAvailableFen / 100), 1);
  const commit = (yuanValue: number | null) => {
    if (!yuanValue || yuanValue < 1) return;
    const fen = Math.min(Math.round(yuanValue * 100), view.lineAvailableFen);
    onChange({ ...params, envelopeFen: fen === competition.envelopeFen ? undefined : fen });
  };
  return (
    <Card size="small" title={a('whatIf.title')} loading={false}>
      <Row gutter={[24, 12]} align="middle">
        <Col xs={24} lg={14}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a('whatIf.envelope')}
          </Typography.Text>
          <Flex gap={12} align="center">
            <Slider
              min={1}
              max={maxYuan}
              step={100}
              value={envelopeYuan}
              onChange={setEnvelopeYuan}
              onChangeComplete={(value) => commit(value)}
              tooltip={{ formatter: (value) => (value === undefined ? '' : wan(value * 100)) }}
              style={{ flex: 1, minWidth: 120 }}
              aria-label={a('whatIf.envelope')}
            />
            <InputNumber<number>
              value={envelopeYuan}
              min={1}
              max={maxYuan}
              precision={0}
              onChange={(value) => value !== null && setEnvelopeYuan(value)}
              onBlur={() => commit(envelopeYuan)}
              onPressEnter={() => commit(envelopeYuan)}
              suffix="元"
              style={{ width: 170 }}
              data-testid="envelope-input"
              aria-label={a('whatIf.envelope')}
            />
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a('whatIf.envelopeHelp', {
              available: yuan(view.lineAvailableFen),
              default: yuan(competition.envelopeFen),
            })}
          </Typography.Text>
        </Col>
        <Col xs={24} sm={12} lg={5}>
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
            {a('whatIf.maxPerStreet')}
          </Typography.Text>
          <InputNumber<number>
            min={1}
            max={99}
            precision={0}
            placeholder={a('whatIf.noLimit')}
            value={params.maxPerStreet ?? view.maxPerStreet ?? null}
            onChange={(value) => onChange({ ...params, maxPerStreet: value ?? undefined })}
            style={{ width: '100%' }}
            aria-label={a('whatIf.maxPerStreet')}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a('whatIf.count', { min: view.minCount, max: view.maxCount })}
          </Typography.Text>
        </Col>
        <Col xs={24} sm={12} lg={5}>
          <Flex gap={8} justify="flex-end" wrap>
            <Button icon={<ReloadOutlined />} loading={loading} onClick={() => onChange({})}>
              {a('whatIf.reset')}
            </Button>
          </Flex>
        </Col>
      </Row>
    </Card>
  );
}

function Workbench({
  view,
  competition,
  a,
}: {
  view: SelectionView;
  competition: CompetitionView;
  a: AwardText;
}) {
  const [draft, setDraft] = useState<Draft>(() => fromAnswer(view.rankOrder, 'rank_order'));
  const [serverFields, setServerFields] = useState<Record<string, string>>({});
  const onlyRank = useMemo(() => new Set(view.comparison.onlyInRankOrder), [view]);
  const onlyOptimal = useMemo(() => new Set(view.comparison.onlyInOptimal), [view]);
  const adopt = (source: Source) => {
    setDraft((current) =>
      fromAnswer(source === 'rank_order' ? view.rankOrder : view.optimal, source, current.reasons),
    );
    setServerFields({});
  };
  return (
    <>
      <Row gutter={[16, 16]}>
        {(['rank_order', 'optimal'] as const).map((source) => (
          <Col xs={24} md={12} key={source}>
            <AnswerCard
              source={source}
              answer={source === 'rank_order' ? view.rankOrder : view.optimal}
              view={view}
              differs={source === 'rank_order' ? onlyRank : onlyOptimal}
              adopted={draft.source === source}
              onAdopt={() => adopt(source)}
            />
          </Col>
        ))}
      </Row>
      <Alert
        type={onlyRank.size || onlyOptimal.size ? 'warning' : 'info'}
        showIcon
        title={a('compare.title')}
        description={
          <span data-testid="comparison">
            {onlyRank.size || onlyOptimal.size ? view.comparison.explanation : a('compare.same')}
          </span>
        }
      />
      <DecisionEditor
        view={view}
        competition={competition}
        draft={draft}
        setDraft={setDraft}
        serverFields={serverFields}
        setServerFields={setServerFields}
      />
    </>
  );
}

function AnswerCard({
  source,
  answer,
  view,
  differs,
  adopted,
  onAdopt,
}: {
  source: Source;
  answer: SelectionAnswer;
  view: SelectionView;
  differs: Set<number>;
  adopted: boolean;
  onAdopt: () => void;
}) {
  const a = awardText.useT();
  const byId = new Map(view.candidates.map((candidate) => [candidate.applicationId, candidate]));
  return (
    <Card
      size="small"
      style={{ height: '100%', borderColor: adopted ? '#2563eb' : undefined }}
      data-testid={`answer-${source}`}
      title={
        <Flex vertical>
          <span>{a(`answer.${source}`)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            {a(`answer.${source}Help`)}
          </Typography.Text>
        </Flex>
      }
      extra={
        adopted ? (
          <Tag color="blue" icon={<CheckOutlined />}>
            {a('answer.adopted')}
          </Tag>
        ) : (
          <Button size="small" onClick={onAdopt}>
            {a('answer.adopt')}
          </Button>
        )
      }
    >
      <Flex gap={24} wrap style={{ marginBottom: 8 }}>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a('answer.total')}
          </Typography.Text>
          <div>
            <Money fen={answer.total} strong />
          </div>
        </div>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a('answer.totalScore')}
          </Typography.Text>
          <div>
            <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums' }}>
              {formatScore(answer.totalScore)}
            </Typography.Text>
          </div>
        </div>
        <Flex vertical justify="flex-end">
          <Space size={4}>
            <Tag>{a('answer.count', { count: answer.selected.length })}</Tag>
            <Tag color={answer.feasible ? 'green' : 'red'}>
              {answer.feasible ? a('answer.feasible') : a('answer.infeasible')}
            </Tag>
          </Space>
        </Flex>
      </Flex>
      <BudgetBar totalFen={answer.total} envelopeFen={view.envelopeFen} testId={`budget-${source}`} />
      {answer.problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          title={answer.problems.map((problem) => problem.message).join('；')}
        />
      )}
      {answer.selected.length === 0 ? (
        <Typography.Text type="secondary">{a('answer.none')}</Typography.Text>
      ) : (
        <ul className="xs-answer-list" style={{ marginTop: 8 }}>
          {answer.awards.map((award) => {
            const candidate = byId.get(award.applicationId);
            const diff = differs.has(award.applicationId);
            return (
              <li
                key={award.applicationId}
                className={diff ? 'xs-answer-diff' : undefined}
                data-diff={diff || undefined}
              >
                <Typography.Text ellipsis style={{ minWidth: 0 }}>
                  <Typography.Text type="secondary">{candidate?.rank ?? '—'}.</Typography.Text>{' '}
                  {candidate?.title ?? `#${award.applicationId}`}
                  {diff && (
                    <Tag color="orange" style={{ marginInlineStart: 6 }}>
                      {a('answer.onlyHere')}
                    </Tag>
                  )}
                </Typography.Text>
                <Typography.Text style={{ flex: 'none', fontVariantNumeric: 'tabular-nums' }}>
                  {yuan(award.amount)}
                </Typography.Text>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}

function DecisionEditor({
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
