import type { ApplicationView, CompetitionView } from '@xiaoshi/contracts';
import { CreateApplicationRequest } from '@xiaoshi/contracts';
import {
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Typography,
  type FormInstance,
} from 'antd';
import { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useSessionUser } from '../../../app/auth/AuthContext';
import { useScopedUnits } from '../../../components/UnitTreeSelect';
import { wan, yuan } from '../../../lib/money';
import { useZodRules } from '../../../lib/zod-form';
import { useCompetitions } from '../../competitions/useCompetitions';
import { competitionsText } from '../../competitions/text';
import { applicationsText } from '../text';
import type { Values } from './values';

type Category = CompetitionView['categories'][number];

/** The application's basics: competition, category, community, partner, texts, dates and contact. */
export function BasicsCard({
  form,
  original,
  competition: c,
  category,
}: {
  form: FormInstance<Values>;
  original?: ApplicationView;
  competition?: CompetitionView;
  category?: Category;
}) {
  const t = applicationsText.useT();
  const tCompetitions = competitionsText.useT();
  const rules = useZodRules(CreateApplicationRequest);
  const user = useSessionUser();
  const open = useCompetitions({ status: 'published' });
  const units = useScopedUnits();
  const communities = useMemo(
    () => (units.data ?? []).filter((unit) => unit.kind === 'community'),
    [units.data],
  );
  const partners = useMemo(
    () => (units.data ?? []).filter((unit) => unit.kind === 'organisation'),
    [units.data],
  );
  return (
    <Card variant="borderless" title={t('section.basics')}>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          {original ? (
            <Form.Item label={t('field.competition')} required>
              <Typography.Text>{c?.title ?? ''}</Typography.Text>
            </Form.Item>
          ) : (
            <Form.Item
              name="competitionId"
              label={t('field.competition')}
              rules={rules('competitionId', { required: t('competitionRequired') })}
            >
              <Select<number>
                loading={open.isPending}
                placeholder={t('competitionPlaceholder')}
                onChange={() => form.setFieldValue('categoryId', undefined)}
                options={(open.data ?? [])
                  .filter((item) => item.windowOpen)
                  .map((item) => ({ value: item.id, label: item.title }))}
                notFoundContent={t('noOpenCompetitions')}
              />
            </Form.Item>
          )}
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="categoryId"
            label={t('field.category')}
            rules={rules('categoryId', { required: t('categoryRequired') })}
            extra={
              category
                ? t('capHint', {
                    yuan: yuan(category.capFen),
                    wan: wan(category.capFen),
                  })
                : undefined
            }
          >
            <Select<number>
              disabled={!c}
              placeholder={t('categoryPlaceholder')}
              options={(c?.categories ?? []).map((item) => ({
                value: item.id,
                label: `${item.name}（${tCompetitions('capUpTo', { amount: wan(item.capFen) })}）`,
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          {original ? (
            <Form.Item label={t('field.community')} required>
              <Typography.Text>
                {original.community.name}（{original.street.name}）
              </Typography.Text>
            </Form.Item>
          ) : (
            <Form.Item
              name="communityId"
              label={t('field.community')}
              rules={rules('communityId', { required: t('communityRequired') })}
            >
              <Select<number>
                showSearch={{ optionFilterProp: 'label' }}
                disabled={user.unit.kind === 'community'}
                loading={units.isPending}
                placeholder={t('communityPlaceholder')}
                options={communities.map((unit) => ({ value: unit.id, label: unit.name }))}
              />
            </Form.Item>
          )}
        </Col>
        {(c?.requiresPartner || original?.partnerOrg) && (
          <Col xs={24} md={12}>
            <Form.Item
              name="partnerOrgId"
              label={t('field.partner')}
              extra={partners.length ? t('partnerHelp') : t('partnerUnavailable')}
              rules={rules('partnerOrgId', { optional: !c?.requiresPartner, required: t('partnerRequired') })}
            >
              <Select<number>
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('partnerPlaceholder')}
                options={[
                  ...partners.map((unit) => ({ value: unit.id, label: unit.name })),
                  ...(original?.partnerOrg && !partners.some((unit) => unit.id === original.partnerOrg!.id)
                    ? [{ value: original.partnerOrg.id, label: original.partnerOrg.name }]
                    : []),
                ]}
              />
            </Form.Item>
          </Col>
        )}
        <Col xs={24}>
          <Form.Item
            name="title"
            label={t('field.title')}
            rules={rules('title', { required: t('titleRequired') })}
          >
            <Input maxLength={120} showCount />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="location"
            label={t('field.location')}
            rules={rules('location', { required: t('locationRequired') })}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="dates"
            label={t('field.dates')}
            rules={[
              ...rules('startDate', {
                required: t('datesRequired'),
                from: (value) => (value as [Dayjs, Dayjs])[0].format('YYYY-MM-DD'),
              }),
              {
                validator: (_, value?: [Dayjs, Dayjs]) =>
                  value && c && value[1].format('YYYY-MM-DD') > c.implementationDeadline
                    ? Promise.reject(new Error(t('afterDeadline', { date: c.implementationDeadline })))
                    : Promise.resolve(),
              },
            ]}
            extra={c ? t('deadlineHint', { date: c.implementationDeadline }) : undefined}
          >
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            name="summary"
            label={t('field.summary')}
            rules={rules('summary', { required: t('summaryRequired') })}
          >
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            name="plan"
            label={t('field.plan')}
            rules={rules('plan', { required: t('planRequired') })}
          >
            <Input.TextArea rows={5} maxLength={10000} showCount />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="beneficiariesCount"
            label={t('field.beneficiariesCount')}
            rules={rules('beneficiariesCount', { required: t('beneficiariesRequired') })}
          >
            <InputNumber
              min={0}
              max={10_000_000}
              precision={0}
              style={{ width: '100%' }}
              suffix={t('people')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item
            name="beneficiariesDescription"
            label={t('field.beneficiariesDescription')}
            rules={rules('beneficiariesDescription', { required: t('beneficiariesDescriptionRequired') })}
          >
            <Input maxLength={1000} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="contactName"
            label={t('field.contactName')}
            rules={rules('contactName', { required: t('contactNameRequired') })}
          >
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="contactPhone"
            label={t('field.contactPhone')}
            rules={rules('contactPhone', { required: t('contactPhoneRequired') })}
          >
            <Input maxLength={20} inputMode="tel" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
