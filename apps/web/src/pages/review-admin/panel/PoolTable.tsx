import { EditOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { ReviewerProfileRequest, type PanelView, type ReviewerPoolMemberView } from '@xiaoshi/contracts';
import {
  App,
  Button,
  Card,
  Flex,
  Form,
  Modal,
  Select,
  Switch,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useEffect, useState } from 'react';
import { reviewsApi } from '../../../api/reviews';
import { useAuth } from '../../../app/auth/AuthContext';
import { useScopedUnits } from '../../../components/UnitTreeSelect';
import { unitKindText } from '../../../i18n/enums';
import { errorMessage } from '../../../lib/errors';
import { reportFormError } from '../../../lib/form-errors';
import { usePool, useReviewRefresh } from '../useReviewAdmin';
import { reviewAdminText } from '../text';
import { commonText } from '../../../i18n/common';
import { useZodRules } from '../../../lib/zod-form';

export function PoolTable({ pool, panel }: { pool: ReviewerPoolMemberView[]; panel: PanelView }) {
  const t = reviewAdminText.useT();
  const tc = commonText.useT();
  const { can } = useAuth();
  const units = useScopedUnits();
  const [editing, setEditing] = useState<ReviewerPoolMemberView | null>(null);
  const unitNames = new Map((units.data ?? []).map((unit) => [unit.id, unit.name]));
  const onPanel = new Set(panel.members.map((member) => member.userId));
  const columns: TableColumnsType<ReviewerPoolMemberView> = [
    {
      title: t('col.reviewer'),
      key: 'name',
      render: (_, row) => (
        <Flex gap={6} align="center" wrap>
          <Typography.Text strong={onPanel.has(row.userId)}>{row.displayName}</Typography.Text>
          {onPanel.has(row.userId) && (
            <Tag color="blue">{row.userId === panel.chairUserId ? t('chair') : t('onPanel')}</Tag>
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
      <Table<ReviewerPoolMemberView>
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

export function ProfileModal({
  reviewer,
  onClose,
}: {
  reviewer: ReviewerPoolMemberView | null;
  onClose: () => void;
}) {
  const t = reviewAdminText.useT();
  const tc = commonText.useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ expertiseTags: string[]; affiliationUnitIds: number[]; active: boolean }>();
  const rules = useZodRules(ReviewerProfileRequest);
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
      if (reviewer) reportFormError(form, error, message);
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
        <Form.Item
          name="expertiseTags"
          label={t('col.tags')}
          extra={t('tagsHelp')}
          rules={rules('expertiseTags')}
        >
          <Select mode="tags" options={tagOptions.map((tag) => ({ value: tag, label: tag }))} />
        </Form.Item>
        <Form.Item
          name="affiliationUnitIds"
          label={t('col.affiliations')}
          extra={t('affiliationsHelp')}
          rules={rules('affiliationUnitIds')}
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
