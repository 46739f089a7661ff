import { PushpinOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { CompetitionView, PinConflictRequest } from '@xiaoshi/contracts';
import { CONFLICT_CATEGORIES } from '../../lib/enums';
import {
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  Row,
  Select,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { Link } from 'react-router';
import { reviewsApi, type ConflictRow } from '../../api/reviews';
import { useAuth } from '../../app/auth/AuthContext';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/zh';
import { zh } from '../../i18n/zh';
import { reportFormError } from '../../lib/errors';
import { usePanel, usePool, useReviewableApplications, useReviewRefresh } from './useReviewAdmin';

const KIND_COLORS: Record<string, string> = { automatic: 'default', declared: 'orange', pinned: 'red' };

export function ConflictsTab({ competition }: { competition: CompetitionView }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const conflicts = useQuery({
    queryKey: ['reviews', 'conflicts', competition.id],
    queryFn: ({ signal }) => reviewsApi.conflicts(competition.id, signal),
  });
  const label = (prefix: string, value: string | null) => {
    if (!value) return t('common.none');
    const key = `${prefix}.${value}`;
    return key in zh ? t(key as MessageKey) : value;
  };
  const columns: TableColumnsType<ConflictRow> = [
    {
      title: t('reviewAdmin.col.application'),
      key: 'application',
      render: (_, row) => <Link to={`/applications/${row.applicationId}`}>{row.title}</Link>,
    },
    { title: t('reviewAdmin.col.reviewer'), dataIndex: 'reviewer', width: 140 },
    {
      title: t('reviewAdmin.col.conflictKind'),
      dataIndex: 'kind',
      width: 110,
      render: (kind: string) => <Tag color={KIND_COLORS[kind]}>{label('conflict.kind', kind)}</Tag>,
    },
    {
      title: t('reviewAdmin.col.conflictCategory'),
      dataIndex: 'category',
      width: 120,
      render: (category: string | null) => label('conflict.category', category),
    },
    {
      title: t('reviewAdmin.col.note'),
      dataIndex: 'note',
      ellipsis: true,
      render: (note: string | null) => note ?? t('common.none'),
    },
  ];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={can('reviews.manage') ? 15 : 24}>
        <Card size="small" title={t('reviewAdmin.conflicts', { count: conflicts.data?.length ?? 0 })}>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            {t('reviewAdmin.conflictsHelp')}
          </Typography.Paragraph>
          {conflicts.isError ? (
            <QueryError error={conflicts.error} onRetry={() => void conflicts.refetch()} compact />
          ) : (
            <Table<ConflictRow>
              rowKey={(row) => `${row.applicationId}-${row.reviewerUserId}-${row.kind}`}
              size="small"
              columns={columns}
              dataSource={conflicts.data ?? []}
              loading={conflicts.isPending}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: 640 }}
              locale={{ emptyText: t('reviewAdmin.noConflicts') }}
            />
          )}
        </Card>
      </Col>
      {can('reviews.manage') && (
        <Col xs={24} xl={9}>
          <PinConflictForm competition={competition} />
        </Col>
      )}
    </Row>
  );
}

function PinConflictForm({ competition }: { competition: CompetitionView }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<PinConflictRequest>();
  const applications = useReviewableApplications(competition.id);
  const panel = usePanel(competition.id);
  const pool = usePool();
  const refresh = useReviewRefresh(competition.id);
  const pin = useMutation({
    mutationFn: (body: PinConflictRequest) => reviewsApi.pinConflict(competition.id, body),
  });
  const members = new Set((panel.data?.members ?? []).map((member) => member.userId));
  const reviewers = [...(pool.data ?? [])].sort(
    (a, b) => Number(members.has(b.userId)) - Number(members.has(a.userId)),
  );

  const submit = async (values: PinConflictRequest) => {
    try {
      await pin.mutateAsync({ ...values, note: values.note?.trim() || undefined });
      message.success(t('reviewAdmin.pinned'));
      form.resetFields();
      refresh();
    } catch (error) {
      reportFormError(form, error, ['applicationId', 'reviewerUserId', 'category', 'note'], message, t);
    }
  };
  return (
    <Card size="small" title={t('reviewAdmin.pinTitle')}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('reviewAdmin.pinHelp')}
      </Typography.Paragraph>
      <Form<PinConflictRequest>
        form={form}
        layout="vertical"
        initialValues={{ category: 'affiliation' }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="applicationId"
          label={t('reviewAdmin.col.application')}
          rules={[{ required: true, message: t('reviewAdmin.applicationRequired') }]}
        >
          <Select<number>
            showSearch={{ optionFilterProp: 'label' }}
            loading={applications.isPending}
            options={(applications.data?.items ?? []).map((row) => ({
              value: row.id,
              label: `${row.title}（${row.community.name}）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="reviewerUserId"
          label={t('reviewAdmin.col.reviewer')}
          rules={[{ required: true, message: t('reviewAdmin.reviewerRequired') }]}
        >
          <Select<number>
            showSearch={{ optionFilterProp: 'label' }}
            loading={pool.isPending}
            options={reviewers.map((row) => ({
              value: row.userId,
              label: `${row.displayName}${members.has(row.userId) ? `（${t('reviewAdmin.onPanel')}）` : ''}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="category" label={t('reviewAdmin.col.conflictCategory')} rules={[{ required: true }]}>
          <Select
            options={CONFLICT_CATEGORIES.map((category) => ({
              value: category,
              label: t(`conflict.category.${category}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('reviewAdmin.col.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PushpinOutlined />} loading={pin.isPending}>
          {t('reviewAdmin.pin')}
        </Button>
      </Form>
    </Card>
  );
}
