import { ExperimentOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { PanelDrawRequest, type CompetitionView, type PanelView, type ReviewerPoolMemberView } from '@xiaoshi/contracts';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { reviewsApi } from '../../../api/reviews';
import { useAuth } from '../../../app/auth/AuthContext';
import { reportFormError } from '../../../lib/form-errors';
import { useReviewRefresh } from '../useReviewAdmin';
import { reviewAdminText } from '../text';
import { useZodRules } from '../../../lib/zod-form';

export function RandomDraw({
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
  const refresh = useReviewRefresh(competition.id);
  const [form] = Form.useForm<{ size: number; tags: string[]; seed?: string }>();
  const rules = useZodRules(PanelDrawRequest);
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
            panel.drawTags.length ? t('lastTags', { tags: panel.drawTags.join('、') }) : t('lastTagsNone')
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
            <Form.Item name="size" label={t('drawSize')} rules={rules('size')}>
              <InputNumber min={1} max={500} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={16}>
            <Form.Item name="seed" label={t('seed')} rules={rules('seed', { message: t('seedInvalid') })}>
              <Input placeholder={t('seedPlaceholder')} maxLength={64} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="tags" label={t('drawTags')} rules={rules('tags')}>
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
