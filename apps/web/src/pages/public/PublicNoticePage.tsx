import { PhoneOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { ObjectionRequest, type PublicNoticeView } from '@xiaoshi/contracts';
import { formatScore } from '@xiaoshi/domain';
import { Alert, Button, Card, Flex, Form, Input, Result, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PublicApiError, publicApi } from '../../api/awards';
import { isApiError } from '../../api/errors';
import { errorMessage } from '../../lib/errors';
import { yuan } from '../../lib/money';
import { NoticeStatusTag, PublicError } from './shared';
import { awardText } from '../awards/text';
import { useZodRules } from '../../lib/zod-form';

/** /public/notices/:id — the 公示 as anyone reads it on a phone, and the objection form. */
export default function PublicNoticePage() {
  const { id } = useParams();
  const noticeId = Number(id);
  const a = awardText.useT();
  const notice = useQuery({
    queryKey: ['public', 'notice', noticeId],
    queryFn: ({ signal }) => publicApi.notice(noticeId, signal),
    retry: (count, error) => !(isApiError(error) && error.status === 404) && count < 2,
  });
  if (notice.isError) return <PublicError error={notice.error} onRetry={() => void notice.refetch()} />;
  if (notice.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  const n = notice.data;
  const live = n.items.filter((item) => item.status !== 'withdrawn');
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="public-notice-title">
          {n.title}
        </Typography.Title>
        <Typography.Text type="secondary">{n.competitionTitle}</Typography.Text>
      </div>
      <Card size="small">
        <Flex vertical gap={6}>
          <Flex gap={8} align="center" wrap>
            <NoticeStatusTag status={n.status} />
            <Typography.Text strong data-testid="public-notice-period">
              {a('public.period', { first: n.firstDay, last: n.lastDay })}
            </Typography.Text>
          </Flex>
          <Typography.Text type="secondary">
            {a('public.workingDays', { days: n.workingDays })}
          </Typography.Text>
          <Typography.Text>
            <PhoneOutlined style={{ marginInlineEnd: 6, color: '#64748b' }} />
            {a('public.contact', { contact: n.contact })}
          </Typography.Text>
        </Flex>
      </Card>
      <Card size="small" title={a('public.items', { count: live.length })}>
        {n.items.map((item) => (
          <div key={item.awardId} className="xs-public-item" data-testid={`public-item-${item.awardId}`}>
            <Flex justify="space-between" align="flex-start" gap={12}>
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Typography.Text strong delete={item.status === 'withdrawn'}>
                  {item.title}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {item.community} · {item.street}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {item.category}
                  {item.score !== null ? ` · ${a('public.score', { score: formatScore(item.score) })}` : ''}
                </Typography.Text>
              </Flex>
              <Flex vertical align="flex-end" style={{ flex: 'none' }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {item.status === 'withdrawn' ? a('public.withdrawn') : a('public.amount')}
                </Typography.Text>
                <span className="xs-public-amount">{yuan(item.amountFen)}</span>
              </Flex>
            </Flex>
          </div>
        ))}
      </Card>
      <ObjectionForm notice={n} />
      <Flex justify="space-between" wrap gap={8}>
        <Link to="/public">{a('public.toNotices')}</Link>
        <Link to="/public/projects">{a('public.toRegister')}</Link>
      </Flex>
    </Flex>
  );
}

interface ObjectionValues {
  awardId?: number;
  contactName: string;
  contactPhone: string;
  text: string;
}

const ALL = 0;

function ObjectionForm({ notice }: { notice: PublicNoticeView }) {
  const a = awardText.useT();
  const [form] = Form.useForm<ObjectionValues>();
  const rules = useZodRules(ObjectionRequest);
  const [done, setDone] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (values: ObjectionValues) =>
      publicApi.object(notice.id, {
        awardId: values.awardId || undefined,
        contactName: values.contactName.trim(),
        contactPhone: values.contactPhone.trim(),
        text: values.text.trim(),
      }),
  });
  const closed = notice.status !== 'open';

  const submit = async (values: ObjectionValues) => {
    setProblem(null);
    try {
      await send.mutateAsync(values);
      setDone(true);
      form.resetFields();
    } catch (error) {
      if (isApiError(error) && error.status === 429) {
        const seconds = error instanceof PublicApiError ? error.retryAfterSeconds : null;
        setProblem(
          seconds
            ? a('public.throttled', { minutes: Math.max(1, Math.ceil(seconds / 60)) })
            : a('public.throttledSoon'),
        );
        return;
      }
      const fields = isApiError(error) ? error.fields : {};
      const known = ['awardId', 'contactName', 'contactPhone', 'text'];
      const placed = Object.entries(fields).filter(([name]) => known.includes(name));
      if (placed.length)
        form.setFields(
          placed.map(([name, text]) => ({ name: name as keyof ObjectionValues, errors: [text] })),
        );
      const rest = Object.entries(fields)
        .filter(([name]) => !known.includes(name))
        .map(([, text]) => text);
      if (!placed.length || rest.length) setProblem([errorMessage(error), ...rest].join(' '));
    }
  };

  return (
    <Card size="small" title={a('public.object')} id="objection">
      {closed ? (
        <Typography.Text type="secondary">{a('public.objectClosed')}</Typography.Text>
      ) : done ? (
        <Result
          status="success"
          title={a('public.submitted')}
          subTitle={a('public.submittedDetail')}
          extra={<Button onClick={() => setDone(false)}>{a('public.another')}</Button>}
          style={{ padding: '16px 0' }}
          data-testid="objection-done"
        />
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            {a('public.objectHelp')}
          </Typography.Paragraph>
          {problem && (
            <Alert
              type="warning"
              showIcon
              title={problem}
              style={{ marginBottom: 12 }}
              data-testid="objection-problem"
            />
          )}
          <Form<ObjectionValues>
            form={form}
            layout="vertical"
            initialValues={{ awardId: ALL }}
            onFinish={(values) => void submit(values)}
            requiredMark={false}
          >
            <Form.Item name="awardId" label={a('public.field.award')}>
              <Select<number>
                options={[
                  { value: ALL, label: a('public.field.awardAll') },
                  ...notice.items
                    .filter((item) => item.status !== 'withdrawn')
                    .map((item) => ({ value: item.awardId, label: item.title })),
                ]}
              />
            </Form.Item>
            <Form.Item
              name="contactName"
              label={a('public.field.name')}
              rules={rules('contactName', { required: a('public.field.nameRequired') })}
            >
              <Input maxLength={50} autoComplete="name" />
            </Form.Item>
            <Form.Item
              name="contactPhone"
              label={a('public.field.phone')}
              rules={rules('contactPhone', {
                required: a('public.field.phoneRequired'),
                message: a('public.field.phoneInvalid'),
              })}
            >
              <Input maxLength={20} inputMode="tel" autoComplete="tel" />
            </Form.Item>
            <Form.Item
              name="text"
              label={a('public.field.text')}
              rules={rules('text', { required: a('public.field.textRequired') })}
            >
              <Input.TextArea rows={4} maxLength={2000} showCount />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={send.isPending}>
              {a('public.submit')}
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}
