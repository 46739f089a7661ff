import { EditOutlined, ExperimentOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import type { CompetitionView, PanelRequest, PanelView } from '@xiaoshi/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Select,
  Skeleton,
  Switch,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { reviewsApi, type ReviewerPoolRow } from '../../api/reviews';
import { useAuth } from '../../app/auth/AuthContext';
import { QueryError } from '../../components/QueryError';
import { useScopedUnits } from '../../components/UnitTreeSelect';
import { unitKindText } from '../../i18n/enums';
import { errorMessage } from '../../lib/errors';
import { reportFormError } from '../../lib/form-errors';
import { usePanel, usePool, useReviewRefresh } from './useReviewAdmin';
import { reviewAdminText } from './text';
import { commonText } from '../../i18n/common';

type PanelValues = PanelRequest;


function panelValues(panel: PanelView): PanelValues {
  return {
    memberUserIds: panel.members.map((member) => member.userId),
    chairUserId: panel.chairUserId,
    reviewersPerApplication: panel.reviewersPerApplication,
    maxLoad: panel.maxLoad,
    blind: panel.blind,
    aggregation: panel.aggregation,
    fundableThreshold: panel.fundableThreshold,
    disagreementSpread: panel.disagreementSpread,
    commentRequiredAtExtremes: panel.commentRequiredAtExtremes,
    rankByCategory: panel.rankByCategory,
  };
}

export function PanelTab({ competition }: { competition: CompetitionView }) {
  const panel = usePanel(competition.id);
  const pool = usePool();
  if (panel.isError) return <QueryError error={panel.error} onRetry={() => void panel.refetch()} compact />;
  if (pool.isError) return <QueryError error={pool.error} onRetry={() => void pool.refetch()} compact />;
  if (panel.isPending || pool.isPending) return <Skeleton active />;
  return (
    <Flex vertical gap={16}>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <PanelSettings competition={competition} panel={panel.data} pool={pool.data} />
        </Col>
        <Col xs={24} xl={10}>
          <RandomDraw competition={competition} panel={panel.data} pool={pool.data} />
        </Col>
      </Row>
      <PoolTable pool={pool.data} panel={panel.data} />
    </Flex>
  );
}

function PanelSettings({
  competition,
  panel,
  pool,
}: {
  competition: CompetitionView;
  panel: PanelView;
  pool: ReviewerPoolRow[];
}) {
  const t = reviewAdminText.useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<PanelValues>();
  const refresh = useReviewRefresh(competition.id);
  const manage = can('reviews.manage');
  const members = Form.useWatch('memberUserIds', form) ?? [];
  const save = useMutation({ mutationFn: (body: PanelRequest) => reviewsApi.setPanel(competition.id, body) });

  useEffect(() => {
    form.setFieldsValue(panelValues(panel));
  }, [panel, form]);

  const names = new Map(pool.map((row) => [row.userId, row.displayName]));
  const submit = async (values: PanelValues) => {
    try {
      await save.mutateAsync({ ...values, chairUserId: values.chairUserId ?? null });
      message.success(t('panelSaved'));
      refresh();
    } catch (error) {
      reportFormError(form, error, message);
    }
  };

  return (
    <Card
      size="small"
      title={t('panelSettings')}
      extra={panel.id === null && <Tag color="orange">{t('noPanelYet')}</Tag>}
      style={{ height: '100%' }}
    >
      <Form<PanelValues>
        form={form}
        layout="vertical"
        disabled={!manage}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="memberUserIds"
          label={t('members')}
          rules={[{ required: true, type: 'array', min: 1, message: t('membersRequired') }]}
        >
          <Select<number[]>
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={pool
              .filter((row) => row.active || members.includes(row.userId))
              .map((row) => ({
                value: row.userId,
                label: `${row.displayName}（${row.unitName}）`,
              }))}
            placeholder={t('membersPlaceholder')}
            maxTagCount="responsive"
          />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="chairUserId" label={t('chair')}>
              <Select<number>
                allowClear
                options={members.map((id) => ({ value: id, label: names.get(id) ?? `#${id}` }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="reviewersPerApplication" label={t('k')} rules={[{ required: true }]}>
              <InputNumber min={1} max={15} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="maxLoad" label={t('maxLoad')} rules={[{ required: true }]}>
              <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="aggregation" label={t('aggregation')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'trimmed_mean', label: t('aggregation.trimmed_mean') },
                  { value: 'mean', label: t('aggregation.mean') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item
              name="fundableThreshold"
              label={t('threshold')}
              rules={[{ required: true }]}
            >
              <InputNumber min={0} max={100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item
              name="disagreementSpread"
              label={t('spread')}
              tooltip={t('spreadHelp')}
              rules={[{ required: true }]}
            >
              <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item
              name="blind"
              label={t('blind')}
              valuePropName="checked"
              tooltip={t('blindHelp')}
            >
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item
              name="commentRequiredAtExtremes"
              label={t('commentsAtExtremes')}
              valuePropName="checked"
            >
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="rankByCategory" label={t('rankByCategory')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        {manage && (
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending}>
            {t('savePanel')}
          </Button>
        )}
      </Form>
    </Card>
  );
}

function RandomDraw({
  competition,
  panel,
  pool,
}: {
  competition: CompetitionView;
  panel: PanelView;
  pool: ReviewerPoolRow[];
}) {
  const t = reviewAdminText.useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const refresh = useReviewRefresh(competition.id);
  const [form] = Form.useForm<{ size: number; tags: string[]; seed?: string }>();
  const tags = useMemo(() => [...new Set(pool.flatMap((row) => row.expertiseTags))].sort(), [pool]);
  const draw = useMutation({
    mutationFn: (values: { size: number; tags: string[]; seed?: string }) =>
      reviewsApi.draw(competition.id, {
        size: values.size,
        tags: values.tags ?? [],
        seed: values.seed?.trim() || undefined,
      }),
  });
  const submit = async (values: { size: number; tags: string[]; seed?: string }) => {
    try {
      const result = await draw.mutateAsync(values);
      message.success(t('drawn', { count: result.members.length, seed: result.drawSeed ?? '' }));
      refresh();
    } catch (error) {
      reportFormError(form, error, message);
    }
  };
  return (
    <Card size="small" title={t('draw')} style={{ height: '100%' }}>
      {panel.drawSeed && (
        <Alert
          type="info"
          showIcon
          icon={<ExperimentOutlined />}
          title={
            <span data-testid="draw-seed">
              {t('lastSeed')}
              <Typography.Text code copyable>
                {panel.drawSeed}
              </Typography.Text>
            </span>
          }
          description={
            panel.drawTags.length
              ? t('lastTags', { tags: panel.drawTags.join('、') })
              : t('lastTagsNone')
          }
          style={{ marginBottom: 12 }}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('drawHelp')}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        disabled={!can('reviews.manage')}
        initialValues={{ size: panel.reviewersPerApplication, tags: [] }}
        onFinish={(values) => void submit(values)}
      >
        <Row gutter={12}>
          <Col xs={8}>
            <Form.Item name="size" label={t('drawSize')} rules={[{ required: true }]}>
              <InputNumber min={1} max={500} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={16}>
            <Form.Item
              name="seed"
              label={t('seed')}
              rules={[{ pattern: /^[A-Za-z0-9_-]{1,64}$/, message: t('seedInvalid') }]}
            >
              <Input placeholder={t('seedPlaceholder')} maxLength={64} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="tags" label={t('drawTags')}>
          <Select
            mode="tags"
            options={tags.map((tag) => ({ value: tag, label: tag }))}
            placeholder={t('anyTag')}
          />
        </Form.Item>
        {can('reviews.manage') && (
          <Button htmlType="submit" icon={<ExperimentOutlined />} loading={draw.isPending}>
            {t('drawButton')}
          </Button>
        )}
      </Form>
    </Card>
  );
}

function PoolTable({ pool, panel }: { pool: ReviewerPoolRow[]; panel: PanelView }) {
  const t = reviewAdminText.useT();
  const tc = commonText.useT();
  const { can } = useAuth();
  const units = useScopedUnits();
  const [editing, setEditing] = useState<ReviewerPoolRow | null>(null);
  const unitNames = new Map((units.data ?? []).map((unit) => [unit.id, unit.name]));
  const onPanel = new Set(panel.members.map((member) => member.userId));
  const columns: TableColumnsType<ReviewerPoolRow> = [
    {
      title: t('col.reviewer'),
      key: 'name',
      render: (_, row) => (
        <Flex gap={6} align="center" wrap>
          <Typography.Text strong={onPanel.has(row.userId)}>{row.displayName}</Typography.Text>
          {onPanel.has(row.userId) && (
            <Tag color="blue">
              {row.userId === panel.chairUserId ? t('chair') : t('onPanel')}
            </Tag>
          )}
          {!row.active && <Tag>{tc('inactive')}</Tag>}
        </Flex>
      ),
    },
    { title: t('col.unit'), dataIndex: 'unitName', width: 180, ellipsis: true },
    {
      title: t('col.tags'),
      key: 'tags',
      render: (_, row) =>
        row.expertiseTags.length ? (
          <Flex gap={4} wrap>
            {row.expertiseTags.map((tag) => (
              <Tag key={tag} color="geekblue" style={{ marginInlineEnd: 0 }}>
                {tag}
              </Tag>
            ))}
          </Flex>
        ) : (
          <Typography.Text type="secondary">{tc('none')}</Typography.Text>
        ),
    },
    {
      title: t('col.affiliations'),
      key: 'affiliations',
      render: (_, row) =>
        row.affiliationUnitIds.length
          ? row.affiliationUnitIds.map((id) => unitNames.get(id) ?? `#${id}`).join('、')
          : tc('none'),
    },
  ];
  if (can('reviews.manage')) {
    columns.push({
      title: tc('actions'),
      key: 'actions',
      width: 80,
      render: (_, row) => (
        <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(row)}>
          {tc('edit')}
        </Button>
      ),
    });
  }
  return (
    <Card size="small" title={t('pool', { count: pool.length })}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('poolHelp')}
      </Typography.Paragraph>
      <Table<ReviewerPoolRow>
        rowKey="userId"
        size="small"
        columns={columns}
        dataSource={pool}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 720 }}
        locale={{ emptyText: t('poolEmpty') }}
      />
      <ProfileModal reviewer={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}

function ProfileModal({ reviewer, onClose }: { reviewer: ReviewerPoolRow | null; onClose: () => void }) {
  const t = reviewAdminText.useT();
  const tc = commonText.useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ expertiseTags: string[]; affiliationUnitIds: number[]; active: boolean }>();
  const units = useScopedUnits();
  const pool = usePool();
  const refresh = useReviewRefresh(0);
  const save = useMutation({
    mutationFn: (values: { expertiseTags: string[]; affiliationUnitIds: number[]; active: boolean }) =>
      reviewsApi.setProfile(reviewer!.userId, values),
  });
  const tagOptions = [...new Set((pool.data ?? []).flatMap((row) => row.expertiseTags))].sort();

  useEffect(() => {
    if (reviewer) {
      form.setFieldsValue({
        expertiseTags: reviewer.expertiseTags,
        affiliationUnitIds: reviewer.affiliationUnitIds,
        active: reviewer.active,
      });
    }
  }, [reviewer, form]);

  const submit = async (values: {
    expertiseTags: string[];
    affiliationUnitIds: number[];
    active: boolean;
  }) => {
    try {
      await save.mutateAsync({
        expertiseTags: values.expertiseTags.map((tag) => tag.trim()).filter(Boolean),
        affiliationUnitIds: values.affiliationUnitIds ?? [],
        active: values.active,
      });
      message.success(t('profileSaved', { name: reviewer?.displayName ?? '' }));
      refresh();
      onClose();
    } catch (error) {
      if (reviewer)
        reportFormError(form, error, message);
      else message.error(errorMessage(error));
    }
  };

  return (
    <Modal
      open={!!reviewer}
      title={t('profileTitle', { name: reviewer?.displayName ?? '' })}
      okText={tc('save')}
      cancelText={tc('cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item name="expertiseTags" label={t('col.tags')} extra={t('tagsHelp')}>
          <Select mode="tags" options={tagOptions.map((tag) => ({ value: tag, label: tag }))} />
        </Form.Item>
        <Form.Item
          name="affiliationUnitIds"
          label={t('col.affiliations')}
          extra={t('affiliationsHelp')}
        >
          <Select<number[]>
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            loading={units.isPending}
            options={(units.data ?? [])
              .filter((unit) => unit.kind !== 'district')
              .map((unit) => ({ value: unit.id, label: `${unit.name}（${unitKindText.label(unit.kind)}）` }))}
          />
        </Form.Item>
        <Form.Item name="active" label={t('inPool')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
