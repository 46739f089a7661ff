import { CheckCircleOutlined, NotificationOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PublishNoticeRequest, type DecisionView, type PublicNoticeView } from '@xiaoshi/contracts';
import { shanghaiDate } from '@xiaoshi/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Skeleton,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { awardsApi } from '../../../api/awards';
import { reportFormError } from '../../../lib/form-errors';
import '../awards.css';
import { NoticePeriodPreview } from '../NoticePeriodPreview';
import { scheduleText } from '../schedule-text';
import { AwardStatusTag } from '../shared';
import { awardText } from '../text';
import { commonText } from '../../../i18n/common';
import { useZodRules } from '../../../lib/zod-form';

export interface PublishValues {
  contact: string;
  title?: string;
  publishOn: Dayjs | null;
  workingDays: number | null;
}

export function PublishCard({
  decision,
  competitionTitle,
  minimumDays,
  published,
  noticeId,
  canPublish,
  onPublished,
}: {
  decision: DecisionView;
  competitionTitle: string;
  /** The competition's notice length: the form may lengthen it, never shorten it. */
  minimumDays: number | null;
  published: PublicNoticeView | null;
  noticeId: number | undefined;
  canPublish: boolean;
  onPublished: (notice: PublicNoticeView) => void;
}) {
  const a = awardText.useT();
  const t = commonText.useT();
  const s = scheduleText.useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PublishValues>();
  const rules = useZodRules(PublishNoticeRequest);
  // 公示 starts today or later in Beijing, whatever the browser's zone (the server checks again).
  const today = shanghaiDate(new Date());
  const publishOn = Form.useWatch('publishOn', form);
  const workingDays = Form.useWatch('workingDays', form);
  const publish = useMutation({
    mutationFn: (values: PublishValues) =>
      awardsApi.publish(decision.id, {
        contact: values.contact.trim(),
        title: values.title?.trim() || undefined,
        publishOn: values.publishOn?.format('YYYY-MM-DD'),
        workingDays: values.workingDays ?? undefined,
      }),
  });
  const submit = async () => {
    let values: PublishValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    try {
      const notice = await publish.mutateAsync(values);
      onPublished(notice);
      message.success(
        a('publish.done', { first: notice.firstDay, last: notice.lastDay, days: notice.workingDays }),
      );
      void queryClient.invalidateQueries({ queryKey: ['awards'] });
    } catch (error) {
      reportFormError(form, error, message);
    }
  };

  return (
    <Card variant="borderless" title={a('publish.title')} style={{ height: '100%' }}>
      {published ? (
        <Alert
          type="success"
          showIcon
          icon={<CheckCircleOutlined />}
          title={a('publish.done', {
            first: published.firstDay,
            last: published.lastDay,
            days: published.workingDays,
          })}
          description={published.title}
          action={
            <Button size="small" type="primary" onClick={() => void navigate(`/notices/${published.id}`)}>
              {a('publish.open')}
            </Button>
          }
          data-testid="publish-result"
        />
      ) : decision.status === 'proposed' ? (
        canPublish ? (
          minimumDays === null ? (
            <Skeleton active title={false} paragraph={{ rows: 4 }} />
          ) : (
            <Form
              form={form}
              layout="vertical"
              onFinish={() => void submit()}
              initialValues={{ publishOn: dayjs(today), workingDays: minimumDays }}
            >
              <Typography.Paragraph type="secondary">{a('publish.help')}</Typography.Paragraph>
              <Row gutter={12}>
                <Col xs={24} sm={14}>
                  <Form.Item
                    name="publishOn"
                    label={s('publish.publishOn')}
                    rules={rules('publishOn', {
                      required: s('publish.publishOnRequired'),
                      optional: false,
                      from: (value) => (value as Dayjs).format('YYYY-MM-DD'),
                    })}
                  >
                    <DatePicker
                      style={{ width: '100%' }}
                      allowClear={false}
                      disabledDate={(day: Dayjs) => day.format('YYYY-MM-DD') < today}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={10}>
                  <Form.Item
                    name="workingDays"
                    label={s('publish.workingDays')}
                    rules={rules('workingDays', {
                      required: s('publish.workingDaysHelp', { min: minimumDays }),
                      optional: false,
                    })}
                  >
                    <InputNumber<number> min={minimumDays} max={30} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <Flex vertical gap={2} style={{ marginTop: -12, marginBottom: 12 }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {s('publish.publishOnHelp')}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {s('publish.workingDaysHelp', { min: minimumDays })}
                </Typography.Text>
              </Flex>
              <Form.Item>
                <NoticePeriodPreview
                  start={publishOn ? publishOn.format('YYYY-MM-DD') : null}
                  workingDays={workingDays ?? null}
                />
              </Form.Item>
              <Form.Item name="title" label={a('publish.noticeTitle')} rules={rules('title')}>
                <Input
                  maxLength={200}
                  placeholder={a('publish.noticeTitlePlaceholder', { title: competitionTitle })}
                />
              </Form.Item>
              <Form.Item
                name="contact"
                label={a('publish.contact')}
                rules={rules('contact', { required: a('publish.contactRequired') })}
              >
                <Input maxLength={200} placeholder={a('publish.contactPlaceholder')} />
              </Form.Item>
              <Popconfirm
                title={a('publish.confirm')}
                okText={t('confirm')}
                cancelText={t('cancel')}
                onConfirm={() => submit()}
              >
                <Button type="primary" icon={<NotificationOutlined />} loading={publish.isPending}>
                  {a('publish.submit')}
                </Button>
              </Popconfirm>
            </Form>
          )
        ) : (
          <Typography.Text type="secondary">{a('editor.readOnly')}</Typography.Text>
        )
      ) : decision.status === 'in_notice' || decision.status === 'approved' ? (
        <Flex vertical gap={12} align="flex-start">
          <AwardStatusTag status={decision.status} kind="decision" />
          <Typography.Text>{a('publish.inNotice')}</Typography.Text>
          {noticeId && (
            <Button type="primary" onClick={() => void navigate(`/notices/${noticeId}`)}>
              {a('publish.open')}
            </Button>
          )}
        </Flex>
      ) : (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={<AwardStatusTag status={decision.status} kind="decision" />}
        />
      )}
    </Card>
  );
}
