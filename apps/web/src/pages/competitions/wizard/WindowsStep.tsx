import { CreateCompetitionRequest } from '@xiaoshi/contracts';
import { Col, DatePicker, Form, InputNumber, Row, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { competitionsText } from '../text';
import { useZodRules } from '../../../lib/zod-form';

const TIME_FORMAT = 'YYYY-MM-DD HH:mm';

/** A picked window as the request sends its start. */
const windowStart = (value: unknown) => (value as [Dayjs, Dayjs])[0].toISOString();

/** Step 3: submission and review windows (Beijing time), deadline and the quotas. */
export function WindowsStep() {
  const t = competitionsText.useT();
  const rules = useZodRules(CreateCompetitionRequest);
  const number = (name: string, label: string, min: number, max: number, extra?: string, required = true) => (
    <Col xs={24} sm={12} lg={8}>
      <Form.Item
        name={name}
        label={label}
        extra={extra}
        rules={rules(name, { required: t('numberRequired'), optional: !required })}
      >
        <InputNumber min={min} max={max} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );
  return (
    <>
      <Typography.Paragraph type="secondary">{t('windowsHelp')}</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Form.Item
            name="submissionWindow"
            label={t('field.submissionWindow')}
            rules={[
              ...rules('submissionOpensAt', { required: t('windowRequired'), from: windowStart }),
              {
                validator: (_, value?: [Dayjs, Dayjs]) =>
                  !value || value[0].isBefore(value[1])
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('windowOrder'))),
              },
            ]}
          >
            <DatePicker.RangePicker
              showTime={{ format: 'HH:mm' }}
              format={TIME_FORMAT}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} lg={12}>
          <Form.Item
            name="reviewWindow"
            label={t('field.reviewWindow')}
            dependencies={['submissionWindow']}
            rules={[
              ...rules('reviewOpensAt', { required: t('windowRequired'), from: windowStart }),
              ({ getFieldValue }) => ({
                validator: (_, value?: [Dayjs, Dayjs]) => {
                  const submission = getFieldValue('submissionWindow') as [Dayjs, Dayjs] | undefined;
                  if (!value) return Promise.resolve();
                  if (!value[0].isBefore(value[1])) return Promise.reject(new Error(t('windowOrder')));
                  if (submission && value[0].isBefore(submission[1]))
                    return Promise.reject(new Error(t('reviewAfterSubmission')));
                  return Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker.RangePicker
              showTime={{ format: 'HH:mm' }}
              format={TIME_FORMAT}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={8}>
          <Form.Item
            name="implementationDeadline"
            label={t('field.implementationDeadline')}
            dependencies={['reviewWindow']}
            rules={[
              ...rules('implementationDeadline', {
                required: t('deadlineRequired'),
                from: (value) => (value as Dayjs).format('YYYY-MM-DD'),
              }),
              ({ getFieldValue }) => ({
                validator: (_, value?: Dayjs) => {
                  const review = getFieldValue('reviewWindow') as [Dayjs, Dayjs] | undefined;
                  return value && review && value.endOf('day').isBefore(review[1])
                    ? Promise.reject(new Error(t('deadlineAfterReview')))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Title level={5}>{t('quotas')}</Typography.Title>
      <Row gutter={16}>
        {number('minPerStreet', t('field.minPerStreet'), 0, 100, t('minPerStreetHelp'))}
        <Col xs={24} sm={12} lg={8}>
          <Form.Item
            name="maxPerStreet"
            label={t('field.maxPerStreet')}
            extra={t('maxPerStreetHelp')}
            dependencies={['minPerStreet']}
            rules={[
              ...rules('maxPerStreet'),
              ({ getFieldValue }) => ({
                validator: (_, value?: number | null) =>
                  value === null || value === undefined || value >= (getFieldValue('minPerStreet') as number)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('maxBelowMin'))),
              }),
            ]}
          >
            <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        {number('awardMin', t('field.awardMin'), 0, 10000)}
        <Col xs={24} sm={12} lg={8}>
          <Form.Item
            name="awardMax"
            label={t('field.awardMax')}
            dependencies={['awardMin']}
            rules={[
              ...rules('awardMax', { required: t('numberRequired') }),
              ({ getFieldValue }) => ({
                validator: (_, value?: number) =>
                  value === undefined || value >= (getFieldValue('awardMin') as number)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('awardMaxBelowMin'))),
              }),
            ]}
          >
            <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        {number('noticeWorkingDays', t('field.noticeWorkingDays'), 1, 30, t('noticeHelp'))}
        {number('reviewersPerApplication', t('field.reviewersPerApplication'), 1, 15)}
        {number('reminderDaysBeforeClose', t('field.reminderDaysBeforeClose'), 0, 60, t('reminderHelp'))}
      </Row>
    </>
  );
}
