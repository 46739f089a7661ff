import { LockOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { CreateEvaluationRequest, EVALUATION_KINDS, type AgreementView } from '@xiaoshi/contracts';
import { scoreEvaluation } from '@xiaoshi/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useAuth } from '../../app/auth/AuthContext';
import { Money } from '../../components/Money';
import { PageSpinner } from '../../components/PageSpinner';
import { QueryError } from '../../components/QueryError';
import { errorMessage } from '../../lib/errors';
import { reportFormError } from '../../lib/form-errors';
import { yuan } from '../../lib/money';
import { beijingDate } from '../../lib/time';
import '../building-leaders/forms.css';
import { socialOrgsApi } from './api';
import { text } from './text';
import { useZodRules } from '../../lib/zod-form';

type Tranche = AgreementView['tranches'][number];

/** One agreement: deliverables, the payment plan with its gate, and the evaluations. */
export function AgreementDrawer({
  agreementId,
  onClose,
}: {
  agreementId: number | null;
  onClose: () => void;
}) {
  const t = text.useT();
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [evaluating, setEvaluating] = useState(false);
  const agreement = useQuery({
    queryKey: ['social-orgs', 'agreement', agreementId],
    queryFn: ({ signal }) => socialOrgsApi.agreement(agreementId!, signal),
    enabled: agreementId !== null,
  });
  const data = agreement.data;
  const manage = can('social_orgs.manage');

  const request = (tranche: Tranche) =>
    modal.confirm({
      title: t('tranche.requestConfirm', { label: tranche.label, amount: yuan(tranche.amountFen) }),
      okText: t('tranche.request'),
      onOk: async () => {
        try {
          await socialOrgsApi.requestTranche(tranche.id);
          void message.success(t('tranche.requested'));
          await queryClient.invalidateQueries({ queryKey: ['social-orgs'] });
        } catch (error) {
          void message.error(errorMessage(error));
        }
      },
    });

  return (
    <Drawer
      open={agreementId !== null}
      onClose={onClose}
      size="large"
      destroyOnHidden
      title={data ? data.title : t('agr.title')}
    >
      {agreement.isPending ? (
        <PageSpinner />
      ) : agreement.isError ? (
        <QueryError error={agreement.error} onRetry={() => void agreement.refetch()} compact />
      ) : data ? (
        <Flex vertical gap={16}>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            bordered
            items={[
              { key: 'org', label: t('agr.org'), children: data.socialOrg.name },
              { key: 'year', label: t('agr.year'), children: data.year },
              { key: 'amount', label: t('agr.amount'), children: <Money fen={data.amountFen} /> },
              { key: 'line', label: t('agr.line'), children: data.budgetLine.name },
              { key: 'period', label: t('agr.period'), children: `${data.startDate} ~ ${data.endDate}` },
              { key: 'signed', label: t('agr.signedOn'), children: data.signedOn },
              {
                key: 'communities',
                label: t('agr.communities'),
                span: 2,
                children: data.serviceCommunities.map((community) => community.name).join('、') || '—',
              },
            ]}
          />
          <Card size="small" title={t('agr.deliverables')}>
            <Flex vertical gap={4}>
              {data.deliverables.map((item, index) => (
                <Typography.Text key={index}>
                  {index + 1}. {item.title}
                  {item.target && <Typography.Text type="secondary">（{item.target}）</Typography.Text>}
                </Typography.Text>
              ))}
            </Flex>
          </Card>
          <Card size="small" title={t('agr.tranches')} className="xs-tranches">
            <Table<Tranche>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={data.tranches}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: t('agr.trancheLabel'), dataIndex: 'label' },
                {
                  title: t('agr.trancheAmount'),
                  dataIndex: 'amountFen',
                  align: 'right',
                  render: (fen: number) => <Money fen={fen} />,
                },
                {
                  title: t('agr.trancheCondition'),
                  dataIndex: 'condition',
                  render: (condition: Tranche['condition']) => t(`condition.${condition}`),
                },
                {
                  title: '',
                  key: 'status',
                  render: (_, row) => (
                    <Flex vertical gap={2}>
                      <Tag
                        color={
                          row.status === 'paid' || row.status === 'settled_outside'
                            ? 'green'
                            : row.status === 'requested'
                              ? 'blue'
                              : 'default'
                        }
                        style={{ marginInlineEnd: 0, width: 'fit-content' }}
                      >
                        {t(`tranche.status.${row.status}`)}
                      </Tag>
                      {row.paymentId && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('tranche.payment', { id: row.paymentId })}
                        </Typography.Text>
                      )}
                    </Flex>
                  ),
                },
                {
                  title: '',
                  key: 'action',
                  render: (_, row) =>
                    manage && (row.status === 'pending' || row.paymentStatus === 'rejected') ? (
                      row.due ? (
                        <Button size="small" type="primary" onClick={() => request(row)}>
                          {t('tranche.request')}
                        </Button>
                      ) : (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          <LockOutlined /> {t('tranche.locked')}
                        </Typography.Text>
                      )
                    ) : null,
                },
              ]}
            />
          </Card>
          <Card
            size="small"
            title={t('eval.title')}
            extra={
              manage && (
                <Button size="small" onClick={() => setEvaluating(true)}>
                  {t('eval.add')}
                </Button>
              )
            }
          >
            {data.evaluations.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('eval.none')} />
            ) : (
              <Flex vertical gap={12}>
                {data.evaluations.map((evaluation) => (
                  <Flex key={evaluation.id} vertical gap={6} className="xs-evaluation">
                    <Flex gap={8} align="center" wrap>
                      <Tag color={evaluation.passed ? 'green' : 'red'}>
                        {evaluation.passed ? t('eval.passed') : t('eval.failed')}
                      </Tag>
                      <Typography.Text strong>
                        {t(`eval.kind.${evaluation.kind}`)} · {evaluation.evaluatedOn}
                      </Typography.Text>
                      <Typography.Text type="secondary">{evaluation.evaluator}</Typography.Text>
                    </Flex>
                    <Typography.Text>
                      {t('eval.total', {
                        total: evaluation.totalPoints,
                        max: evaluation.maxPoints,
                        mark: evaluation.passMark,
                      })}
                    </Typography.Text>
                    <Table
                      size="small"
                      rowKey="key"
                      pagination={false}
                      dataSource={evaluation.scores}
                      columns={[
                        { title: t('eval.criterion'), dataIndex: 'name' },
                        {
                          title: t('eval.points'),
                          key: 'points',
                          align: 'right',
                          render: (_, row) => `${row.points} / ${row.maxPoints}`,
                        },
                        {
                          title: t('eval.comment'),
                          dataIndex: 'comment',
                          responsive: ['md'],
                          render: (comment: string | null) => comment ?? '',
                        },
                      ]}
                    />
                    <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                      {evaluation.summary}
                    </Typography.Paragraph>
                  </Flex>
                ))}
              </Flex>
            )}
          </Card>
          <EvaluationModal agreement={data} open={evaluating} onClose={() => setEvaluating(false)} />
        </Flex>
      ) : null}
    </Drawer>
  );
}

interface EvaluationValues {
  kind: (typeof EVALUATION_KINDS)[number];
  evaluatedOn: string;
  evaluator: string;
  summary: string;
  points: Record<string, number | null>;
  comments: Record<string, string | undefined>;
}

function EvaluationModal({
  agreement,
  open,
  onClose,
}: {
  agreement: AgreementView;
  open: boolean;
  onClose: () => void;
}) {
  const t = text.useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<EvaluationValues>();
  const rules = useZodRules(CreateEvaluationRequest);
  const [saving, setSaving] = useState(false);
  const points = Form.useWatch('points', form) ?? {};
  // The same rule the API applies, for the total and the verdict as one types.
  const preview = scoreEvaluation(
    agreement.criteria,
    agreement.criteria.map((criterion) => ({
      key: criterion.key,
      points: points[criterion.key] ?? Number.NaN,
    })),
    agreement.passMark,
  );

  const save = async (values: EvaluationValues) => {
    setSaving(true);
    try {
      await socialOrgsApi.evaluate(agreement.id, {
        kind: values.kind,
        evaluatedOn: values.evaluatedOn,
        evaluator: values.evaluator,
        summary: values.summary,
        scores: agreement.criteria.map((criterion) => ({
          key: criterion.key,
          points: values.points?.[criterion.key] ?? 0,
          comment: values.comments?.[criterion.key]?.trim() || null,
        })),
      });
      await queryClient.invalidateQueries({ queryKey: ['social-orgs'] });
      onClose();
    } catch (error) {
      reportFormError(form, error, message);
    } finally {
      setSaving(false);
    }
  };

  const required = (field: string) => ({ required: t('form.required', { field }) });
  const complete = agreement.criteria.every((criterion) => typeof points[criterion.key] === 'number');
  return (
    <Modal
      open={open}
      title={t('eval.add')}
      okText={t('form.save')}
      cancelText={t('form.cancel')}
      okButtonProps={{ loading: saving }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'final', evaluatedOn: beijingDate() }}
        onFinish={(values) => void save(values)}
      >
        <div className="xs-form-row">
          <Form.Item name="kind" label={t('eval.kind')}>
            <Select
              options={EVALUATION_KINDS.map((kind) => ({ value: kind, label: t(`eval.kind.${kind}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="evaluatedOn"
            label={t('eval.date')}
            rules={rules('evaluatedOn', required(t('eval.date')))}
          >
            <Input type="date" />
          </Form.Item>
        </div>
        <Form.Item
          name="evaluator"
          label={t('eval.evaluator')}
          rules={rules('evaluator', required(t('eval.evaluator')))}
        >
          <Input maxLength={100} />
        </Form.Item>
        {agreement.criteria.map((criterion) => (
          <Flex key={criterion.key} gap={8} wrap align="baseline">
            <Form.Item
              name={['points', criterion.key]}
              label={`${criterion.name}（${criterion.maxPoints}）`}
              rules={rules('scores[].points', required(criterion.name))}
              style={{ minWidth: 220 }}
            >
              <InputNumber min={0} max={criterion.maxPoints} step={0.5} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item
              name={['comments', criterion.key]}
              label={t('eval.comment')}
              rules={rules('scores[].comment')}
              style={{ flex: 1, minWidth: 180 }}
            >
              <Input maxLength={500} />
            </Form.Item>
          </Flex>
        ))}
        {complete && (
          <Alert
            type={preview.passed ? 'success' : 'warning'}
            showIcon
            style={{ marginBottom: 12 }}
            title={`${t('eval.total', { total: preview.totalPoints, max: preview.maxPoints, mark: agreement.passMark })} · ${preview.passed ? t('eval.passed') : t('eval.failed')}`}
          />
        )}
        <Form.Item
          name="summary"
          label={t('eval.summary')}
          rules={rules('summary', required(t('eval.summary')))}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
