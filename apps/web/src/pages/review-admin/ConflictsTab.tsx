import { PushpinOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { PinConflictRequest, type CompetitionView, type ConflictView } from '@xiaoshi/contracts';
import { conflictCategoryText, conflictKindText } from './labels';
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
import { reviewsApi } from '../../api/reviews';
import { useAuth } from '../../app/auth/AuthContext';
import { QueryError } from '../../components/QueryError';
import { reportFormError } from '../../lib/form-errors';
import { usePanel, usePool, useReviewableApplications, useReviewRefresh } from './useReviewAdmin';
import { reviewAdminText } from './text';
import { commonText } from '../../i18n/common';
import { useZodRules } from '../../lib/zod-form';

const KIND_COLORS: Record<string, string> = { automatic: 'default', declared: 'orange', pinned: 'red' };

export function ConflictsTab({ competition }: { competition: CompetitionView }) {
  const t = reviewAdminText.useT();
  const tc = commonText.useT();
  const { can } = useAuth();
  const conflicts = useQuery({
    queryKey: ['reviews', 'conflicts', competition.id],
    queryFn: ({ signal }) => reviewsApi.conflicts(competition.id, signal),
  });
  const kindLabel = conflictKindText.useLabel();
  const categoryLabel = conflictCategoryText.useLabel();
  const columns: TableColumnsType<ConflictView> = [
    {
      title: t('col.application'),
      key: 'application',
      render: (_, row) => <Link to={`/applications/${row.applicationId}`}>{row.title}</Link>,
    },
    { title: t('col.reviewer'), dataIndex: 'reviewer', width: 140 },
    {
      title: t('col.conflictKind'),
      dataIndex: 'kind',
      width: 110,
      render: (kind: string) => <Tag color={KIND_COLORS[kind]}>{kindLabel(kind)}</Tag>,
    },
    {
      title: t('col.conflictCategory'),
      dataIndex: 'category',
      width: 120,
      render: (category: string | null) => (category ? categoryLabel(category) : tc('none')),
    },
    {
      title: t('col.note'),
      dataIndex: 'note',
      ellipsis: true,
      render: (note: string | null) => note ?? tc('none'),
    },
  ];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={can('reviews.manage') ? 15 : 24}>
        <Card size="small" title={t('conflicts', { count: conflicts.data?.length ?? 0 })}>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            {t('conflictsHelp')}
          </Typography.Paragraph>
          {conflicts.isError ? (
            <QueryError error={conflicts.error} onRetry={() => void conflicts.refetch()} compact />
          ) : (
            <Table<ConflictView>
              rowKey={(row) => `${row.applicationId}-${row.reviewerUserId}-${row.kind}`}
              size="small"
              columns={columns}
              dataSource={conflicts.data ?? []}
              loading={conflicts.isPending}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: 640 }}
              locale={{ emptyText: t('noConflicts') }}
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
  const t = reviewAdminText.useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<PinConflictRequest>();
  const rules = useZodRules(PinConflictRequest);
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
      message.success(t('pinned'));
      form.resetFields();
      refresh();
    } catch (error) {
      reportFormError(form, error, message);
    }
  };
  return (
    <Card size="small" title={t('pinTitle')}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('pinHelp')}
      </Typography.Paragraph>
      <Form<PinConflictRequest>
        form={form}
        layout="vertical"
        initialValues={{ category: 'affiliation' }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="applicationId"
          label={t('col.application')}
          rules={rules('applicationId', { required: t('applicationRequired') })}
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
          label={t('col.reviewer')}
          rules={rules('reviewerUserId', { required: t('reviewerRequired') })}
        >
          <Select<number>
            showSearch={{ optionFilterProp: 'label' }}
            loading={pool.isPending}
            options={reviewers.map((row) => ({
              value: row.userId,
              label: `${row.displayName}${members.has(row.userId) ? `（${t('onPanel')}）` : ''}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="category" label={t('col.conflictCategory')} rules={rules('category')}>
          <Select options={conflictCategoryText.options()} />
        </Form.Item>
        <Form.Item name="note" label={t('col.note')} rules={rules('note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PushpinOutlined />} loading={pin.isPending}>
          {t('pin')}
        </Button>
      </Form>
    </Card>
  );
}
