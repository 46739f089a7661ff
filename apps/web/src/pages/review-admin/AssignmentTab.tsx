import { CheckOutlined, EyeOutlined, UserAddOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import {
  AutoAssignRequest,
  ManualAssignRequest,
  type AssignmentPreview,
  type CompetitionView,
} from '@xiaoshi/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Skeleton,
  Statistic,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { reviewsApi } from '../../api/reviews';
import { isApiError } from '../../api/errors';
import { useAuth } from '../../app/auth/AuthContext';
import { QueryError } from '../../components/QueryError';
import { errorMessage } from '../../lib/errors';
import { reportFormError } from '../../lib/form-errors';
import { LoadChart } from './LoadChart';
import { usePanel, useReviewableApplications, useReviewRefresh } from './useReviewAdmin';
import { reviewAdminText } from './text';
import { commonText } from '../../i18n/common';
import { useZodRules } from '../../lib/zod-form';

/** Automatic assignment with a preview first (loads, shortfalls), then the commit; and manual pairs. */
export function AssignmentTab({ competition }: { competition: CompetitionView }) {
  const t = reviewAdminText.useT();
  const tc = commonText.useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const panel = usePanel(competition.id);
  const refresh = useReviewRefresh(competition.id);
  const [form] = Form.useForm<{ reviewersPerApplication: number; maxLoad: number }>();
  const rules = useZodRules(AutoAssignRequest);
  const [preview, setPreview] = useState<AssignmentPreview | null>(null);
  const [params, setParams] = useState<{ reviewersPerApplication: number; maxLoad: number } | null>(null);
  const runPreview = useMutation({
    mutationFn: (body: { reviewersPerApplication: number; maxLoad: number }) =>
      reviewsApi.preview(competition.id, body),
  });
  const commit = useMutation({
    mutationFn: (body: { reviewersPerApplication: number; maxLoad: number }) =>
      reviewsApi.autoAssign(competition.id, body),
  });

  if (panel.isError) return <QueryError error={panel.error} onRetry={() => void panel.refetch()} compact />;
  if (panel.isPending) return <Skeleton active />;
  if (panel.data.id === null) return <Alert type="info" showIcon title={t('panelFirst')} />;
  const manage = can('reviews.manage');

  const doPreview = async (values: { reviewersPerApplication: number; maxLoad: number }) => {
    try {
      setPreview(await runPreview.mutateAsync(values));
      setParams(values);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const doCommit = async () => {
    if (!params) return;
    try {
      const result = await commit.mutateAsync(params);
      message.success(t('assigned', { pairs: result.pairs.length }));
      setPreview(null);
      refresh();
    } catch (error) {
      const detail = isApiError(error) ? Object.values(error.fields).slice(0, 3).join('；') : '';
      message.error([errorMessage(error), detail].filter(Boolean).join(' '));
    }
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={16}>
        <Card size="small" title={t('autoAssign')}>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            {t('autoAssignHelp')}
          </Typography.Paragraph>
          <Form
            form={form}
            layout="inline"
            disabled={!manage}
            initialValues={{
              reviewersPerApplication: panel.data.reviewersPerApplication,
              maxLoad: panel.data.maxLoad,
            }}
            onFinish={(values) => void doPreview(values)}
            style={{ rowGap: 8, marginBottom: 16 }}
          >
            <Form.Item
              name="reviewersPerApplication"
              label={t('k')}
              rules={rules('reviewersPerApplication', { optional: false })}
            >
              <InputNumber min={1} max={15} precision={0} />
            </Form.Item>
            <Form.Item name="maxLoad" label={t('maxLoad')} rules={rules('maxLoad', { optional: false })}>
              <InputNumber min={1} max={10000} precision={0} />
            </Form.Item>
            {manage && (
              <Button htmlType="submit" icon={<EyeOutlined />} loading={runPreview.isPending}>
                {t('preview')}
              </Button>
            )}
          </Form>
          {preview && params && (
            <Flex vertical gap={16} data-testid="assignment-preview">
              {preview.ok ? (
                <Alert
                  type={preview.pairs.length ? 'success' : 'info'}
                  showIcon
                  title={preview.pairs.length ? t('previewOk') : t('previewNothing')}
                />
              ) : (
                <Alert
                  type="error"
                  showIcon
                  title={t('previewInfeasible', { count: preview.shortfalls.length })}
                />
              )}
              <Flex gap={32} wrap>
                <Statistic title={t('applications')} value={preview.applications} />
                <Statistic title={t('newPairs')} value={preview.pairs.length} />
                <Statistic title={t('reviewers')} value={preview.loads.length} />
              </Flex>
              {preview.ok && preview.loads.length > 0 && (
                <div>
                  <Typography.Text strong>{t('loads')}</Typography.Text>
                  <LoadChart
                    loads={preview.loads.map((row) => ({ label: row.displayName, value: row.load }))}
                    cap={params.maxLoad}
                  />
                </div>
              )}
              {preview.shortfalls.length > 0 && (
                <Table
                  rowKey="applicationId"
                  size="small"
                  pagination={false}
                  dataSource={preview.shortfalls}
                  columns={[
                    { title: t('col.application'), dataIndex: 'title' },
                    {
                      title: t('col.eligibleReviewers'),
                      dataIndex: 'eligibleReviewers',
                      width: 140,
                      align: 'right',
                    },
                    { title: t('col.needed'), dataIndex: 'needed', width: 100, align: 'right' },
                  ]}
                />
              )}
              {manage && preview.ok && preview.pairs.length > 0 && (
                <Popconfirm
                  title={t('commitConfirm', { pairs: preview.pairs.length })}
                  okText={tc('confirm')}
                  cancelText={tc('cancel')}
                  onConfirm={() => doCommit()}
                >
                  <Button
                    type="primary"
                    icon={<CheckOutlined />}
                    loading={commit.isPending}
                    style={{ alignSelf: 'flex-start' }}
                  >
                    {t('commit')}
                  </Button>
                </Popconfirm>
              )}
            </Flex>
          )}
        </Card>
      </Col>
      {manage && (
        <Col xs={24} xl={8}>
          <ManualAssign competition={competition} members={panel.data.members} />
        </Col>
      )}
    </Row>
  );
}

function ManualAssign({
  competition,
  members,
}: {
  competition: CompetitionView;
  members: Array<{ userId: number; displayName: string }>;
}) {
  const t = reviewAdminText.useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ManualAssignRequest>();
  const rules = useZodRules(ManualAssignRequest);
  const applications = useReviewableApplications(competition.id);
  const refresh = useReviewRefresh(competition.id);
  const assign = useMutation({
    mutationFn: (body: ManualAssignRequest) => reviewsApi.assign(competition.id, body),
  });
  const submit = async (values: ManualAssignRequest) => {
    try {
      await assign.mutateAsync(values);
      message.success(t('manualAssigned'));
      form.resetFields();
      refresh();
    } catch (error) {
      reportFormError(form, error, message);
    }
  };
  return (
    <Card size="small" title={t('manualAssign')}>
      <Form<ManualAssignRequest> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
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
            options={members.map((member) => ({ value: member.userId, label: member.displayName }))}
          />
        </Form.Item>
        <Button htmlType="submit" icon={<UserAddOutlined />} loading={assign.isPending}>
          {t('assign')}
        </Button>
      </Form>
    </Card>
  );
}
