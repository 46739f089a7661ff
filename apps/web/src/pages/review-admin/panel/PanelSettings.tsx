import { SaveOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { PanelRequest, type CompetitionView, type PanelView, type ReviewerPoolMemberView } from '@xiaoshi/contracts';
import { App, Button, Card, Col, Form, InputNumber, Radio, Row, Select, Switch, Tag } from 'antd';
import { useEffect } from 'react';
import { reviewsApi } from '../../../api/reviews';
import { useAuth } from '../../../app/auth/AuthContext';
import { reportFormError } from '../../../lib/form-errors';
import { useReviewRefresh } from '../useReviewAdmin';
import { reviewAdminText } from '../text';
import { useZodRules } from '../../../lib/zod-form';

export type PanelValues = PanelRequest;

export function panelValues(panel: PanelView): PanelValues {
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

export function PanelSettings({
  competition,
  panel,
  pool,
}: {
  competition: CompetitionView;
  panel: PanelView;
  pool: ReviewerPoolMemberView[];
}) {
  const t = reviewAdminText.useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<PanelValues>();
  const rules = useZodRules(PanelRequest);
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
          rules={rules('memberUserIds', { required: t('membersRequired') })}
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
            <Form.Item name="chairUserId" label={t('chair')} rules={rules('chairUserId')}>
              <Select<number>
                allowClear
                options={members.map((id) => ({ value: id, label: names.get(id) ?? `#${id}` }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="reviewersPerApplication" label={t('k')} rules={rules('reviewersPerApplication')}>
              <InputNumber min={1} max={15} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="maxLoad" label={t('maxLoad')} rules={rules('maxLoad')}>
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
            <Form.Item name="fundableThreshold" label={t('threshold')} rules={rules('fundableThreshold')}>
              <InputNumber min={0} max={100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item
              name="disagreementSpread"
              label={t('spread')}
              tooltip={t('spreadHelp')}
              rules={rules('disagreementSpread')}
            >
              <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="blind" label={t('blind')} valuePropName="checked" tooltip={t('blindHelp')}>
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
