import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import type { ApplicationView, CompetitionView, CreateApplicationRequest } from '@xiaoshi/contracts';
import { FUNDING_SOURCES, fenToYuanString, type FundingSource } from '@xiaoshi/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Result,
  Row,
  Select,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { applicationsApi } from '../../api/pipeline';
import { hasCode, isApiError } from '../../api/errors';
import { useSessionUser } from '../../app/auth/AuthContext';
import { Money } from '../../components/Money';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useScopedUnits } from '../../components/UnitTreeSelect';
import { fundingSourceText } from '../../i18n/enums';
import { errorMessage } from '../../lib/errors';
import { wan, yuan, yuanRules } from '../../lib/money';
import { PHONE_PATTERN } from '../../lib/validation';
import { useCompetition, useCompetitions } from '../competitions/useCompetitions';
import { AttachmentsPanel } from './AttachmentsPanel';
import { FundingFeedback } from './FundingFeedback';
import { isBlocking, liveFunding, type CostItemText, type FundingText } from './funding';
import { SubmissionChecklist } from './SubmissionChecklist';
import { useApplication, useApplicationRefresh } from './useApplication';
import { applicationsText } from './text';
import { commonText } from '../../i18n/common';
import { competitionsText } from '../competitions/text';
import { orgsText } from '../orgs/text';
import { useLang } from '../../i18n/i18n';

interface Values {
  competitionId?: number;
  categoryId?: number;
  communityId?: number;
  partnerOrgId?: number | null;
  title: string;
  location: string;
  summary: string;
  plan: string;
  beneficiariesCount?: number;
  beneficiariesDescription: string;
  dates?: [Dayjs, Dayjs];
  costItems: CostItemText[];
  funding: FundingText;
  contactName: string;
  contactPhone: string;
}

export default function ApplicationFormPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const t = applicationsText.useT();
  const editingId = id ? Number(id) : undefined;
  const existing = useApplication(editingId);

  if (editingId !== undefined) {
    if (existing.isError)
      return <QueryError error={existing.error} onRetry={() => void existing.refetch()} />;
    if (existing.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
    if (!existing.data.editable) {
      return (
        <Result
          status="info"
          title={t('notEditable')}
          extra={<Link to={`/applications/${existing.data.id}`}>{t('backToDetail')}</Link>}
        />
      );
    }
  }
  const fromQuery = Number(params.get('competitionId'));
  return (
    <ApplicationForm
      key={existing.data?.id ?? 'new'}
      original={existing.data}
      initialCompetitionId={Number.isSafeInteger(fromQuery) && fromQuery > 0 ? fromQuery : undefined}
      justCreated={params.get('created') === '1'}
    />
  );
}

function valuesOf(application: ApplicationView): Values {
  return {
    competitionId: application.competitionId,
    categoryId: application.category.id,
    communityId: application.community.id,
    partnerOrgId: application.partnerOrg?.id ?? null,
    title: application.title,
    location: application.location,
    summary: application.summary,
    plan: application.plan,
    beneficiariesCount: application.beneficiariesCount,
    beneficiariesDescription: application.beneficiariesDescription,
    dates: [dayjs(application.startDate), dayjs(application.endDate)],
    costItems: application.costItems.map((row) => ({ item: row.item, amount: fenToYuanString(row.amount) })),
    funding: Object.fromEntries(
      FUNDING_SOURCES.map((source) => [source, fenToYuanString(application.funding[source])]),
    ) as FundingText,
    contactName: application.contactName,
    contactPhone: application.contactPhone,
  };
}

const BLANK_FUNDING = Object.fromEntries(FUNDING_SOURCES.map((source) => [source, ''])) as FundingText;

/** API field paths ('funding.requestedSubsidy', 'costItems.1.amount', 'endDate') as form names. */
function formNameOf(path: string): Array<string | number> | null {
  const parts = path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  const head = parts[0];
  if (head === 'startDate' || head === 'endDate') return ['dates'];
  if (head === 'funding' && parts.length === 2) return parts;
  if (head === 'costItems' && parts.length === 3) return parts;
  const known = [
    'competitionId',
    'categoryId',
    'communityId',
    'partnerOrgId',
    'title',
    'location',
    'summary',
    'plan',
    'beneficiariesCount',
    'beneficiariesDescription',
    'contactName',
    'contactPhone',
  ];
  return typeof head === 'string' && known.includes(head) && parts.length === 1 ? [head] : null;
}

function ApplicationForm({
  original,
  initialCompetitionId,
  justCreated,
}: {
  original?: ApplicationView;
  initialCompetitionId?: number;
  justCreated: boolean;
}) {
  const t = applicationsText.useT();
  const tc = commonText.useT();
  const tCompetitions = competitionsText.useT();
  const tOrgs = orgsText.useT();
  const lang = useLang();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useSessionUser();
  const screens = Grid.useBreakpoint();
  const refresh = useApplicationRefresh();
  const [form] = Form.useForm<Values>();
  const [attempted, setAttempted] = useState(false);
  const attachmentsRef = useRef<HTMLDivElement>(null);
  const [initialValues] = useState<Values>(() =>
    original
      ? valuesOf(original)
      : {
          competitionId: initialCompetitionId,
          communityId: user.unit.kind === 'community' ? user.unit.id : undefined,
          partnerOrgId: null,
          title: '',
          location: '',
          summary: '',
          plan: '',
          beneficiariesDescription: '',
          costItems: [{ item: '', amount: '' }],
          funding: BLANK_FUNDING,
          contactName: user.displayName,
          contactPhone: '',
        },
  );

  const competitionId =
    (Form.useWatch('competitionId', form) as number | undefined) ?? original?.competitionId;
  const categoryId = Form.useWatch('categoryId', form) as number | undefined;
  const items = Form.useWatch('costItems', form) as CostItemText[] | undefined;
  const fundingText = Form.useWatch('funding', form) as FundingText | undefined;
  const competition = useCompetition(competitionId);
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
  const c = competition.data;
  const live = liveFunding(items, fundingText, c, categoryId);
  const showViolations = attempted || live.totalCost > 0;

  const save = useMutation({
    mutationFn: async (values: Values) => {
      const body = {
        categoryId: values.categoryId!,
        partnerOrgId: values.partnerOrgId ?? null,
        title: values.title.trim(),
        summary: values.summary.trim(),
        plan: values.plan.trim(),
        location: values.location.trim(),
        beneficiariesCount: values.beneficiariesCount ?? 0,
        beneficiariesDescription: values.beneficiariesDescription.trim(),
        startDate: values.dates![0].format('YYYY-MM-DD'),
        endDate: values.dates![1].format('YYYY-MM-DD'),
        totalCostFen: live.totalCost,
        costItems: live.costItems.map((row) => ({ item: row.item.trim(), amount: row.amount })),
        funding: live.funding,
        contactName: values.contactName.trim(),
        contactPhone: values.contactPhone.trim(),
      };
      if (original) return applicationsApi.update(original.id, { ...body, version: original.version });
      const create: CreateApplicationRequest = {
        ...body,
        competitionId: values.competitionId!,
        communityId: values.communityId!,
      };
      return applicationsApi.create(create);
    },
  });

  const submit = async () => {
    setAttempted(true);
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      message.error(t('fixErrors'));
      return;
    }
    const blocking = live.violations.filter(isBlocking);
    if (blocking.length) {
      message.error(
        t('fundingBlocking', { first: lang === 'en' ? blocking[0].en : blocking[0].zh }),
      );
      return;
    }
    try {
      const saved = await save.mutateAsync(values);
      refresh(saved);
      if (original) {
        message.success(t('saved'));
        void navigate(`/applications/${saved.id}`);
      } else {
        message.success(t('createdUpload'));
        void navigate(`/applications/${saved.id}/edit?created=1`, { replace: true });
      }
    } catch (error) {
      if (hasCode(error, 'CONFLICT') && isApiError(error) && !Object.keys(error.fields).length) {
        message.warning(tc('error.conflict'));
        refresh();
        return;
      }
      const unplaced: string[] = [];
      if (isApiError(error)) {
        const placed = Object.entries(error.fields).flatMap(([path, text]) => {
          const name = formNameOf(path);
          if (!name) unplaced.push(text);
          return name ? [{ name, errors: [text] }] : [];
        });
        if (placed.length) form.setFields(placed as Parameters<typeof form.setFields>[0]);
      }
      message.error([errorMessage(error), ...unplaced].join(' '));
    }
  };

  useEffect(() => {
    if (justCreated) attachmentsRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [justCreated]);

  const category = c?.categories.find((candidate) => candidate.id === categoryId);
  const feedback = (
    <FundingFeedback
      live={live}
      competition={c}
      categoryId={categoryId}
      showViolations={showViolations}
      onFillSubsidy={(fen) => form.setFieldValue(['funding', 'requestedSubsidy'], fenToYuanString(fen))}
    />
  );
  const wide = !!screens.xl;

  return (
    <>
      <PageHeader
        title={original ? t('editTitle', { title: original.title }) : t('create')}
        subtitle={c ? c.title : t('formSubtitle')}
        extra={
          <>
            {original && (
              <Button onClick={() => void navigate(`/applications/${original.id}`)}>
                {t('backToDetail')}
              </Button>
            )}
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={save.isPending}
              onClick={() => void submit()}
            >
              {original ? tc('save') : t('saveDraft')}
            </Button>
          </>
        }
      />
      {original?.status === 'returned' && original.lastReason && (
        <Alert
          type="warning"
          showIcon
          title={t('returnedReason')}
          description={original.lastReason}
          style={{ marginBottom: 16 }}
        />
      )}
      {justCreated && (
        <Alert
          type="success"
          showIcon
          title={t('justCreated')}
          style={{ marginBottom: 16 }}
          closable
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        requiredMark="optional"
        data-testid="application-form"
        scrollToFirstError={{ block: 'center' }}
      >
        <Row gutter={16}>
          <Col xs={24} xl={16}>
            <Flex vertical gap={16}>
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
                        rules={[{ required: true, message: t('competitionRequired') }]}
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
                      rules={[{ required: true, message: t('categoryRequired') }]}
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
                        rules={[{ required: true, message: t('communityRequired') }]}
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
                        extra={
                          partners.length
                            ? t('partnerHelp')
                            : t('partnerUnavailable')
                        }
                        rules={[
                          { required: !!c?.requiresPartner, message: t('partnerRequired') },
                        ]}
                      >
                        <Select<number>
                          allowClear
                          showSearch={{ optionFilterProp: 'label' }}
                          placeholder={t('partnerPlaceholder')}
                          options={[
                            ...partners.map((unit) => ({ value: unit.id, label: unit.name })),
                            ...(original?.partnerOrg &&
                            !partners.some((unit) => unit.id === original.partnerOrg!.id)
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
                      rules={[{ required: true, whitespace: true, message: t('titleRequired') }]}
                    >
                      <Input maxLength={120} showCount />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name="location"
                      label={t('field.location')}
                      rules={[
                        { required: true, whitespace: true, message: t('locationRequired') },
                      ]}
                    >
                      <Input maxLength={200} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name="dates"
                      label={t('field.dates')}
                      rules={[
                        { required: true, message: t('datesRequired') },
                        {
                          validator: (_, value?: [Dayjs, Dayjs]) =>
                            value && c && value[1].format('YYYY-MM-DD') > c.implementationDeadline
                              ? Promise.reject(
                                  new Error(
                                    t('afterDeadline', { date: c.implementationDeadline }),
                                  ),
                                )
                              : Promise.resolve(),
                        },
                      ]}
                      extra={
                        c ? t('deadlineHint', { date: c.implementationDeadline }) : undefined
                      }
                    >
                      <DatePicker.RangePicker style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={24}>
                    <Form.Item
                      name="summary"
                      label={t('field.summary')}
                      rules={[
                        { required: true, whitespace: true, message: t('summaryRequired') },
                      ]}
                    >
                      <Input.TextArea rows={3} maxLength={2000} showCount />
                    </Form.Item>
                  </Col>
                  <Col xs={24}>
                    <Form.Item
                      name="plan"
                      label={t('field.plan')}
                      rules={[{ required: true, whitespace: true, message: t('planRequired') }]}
                    >
                      <Input.TextArea rows={5} maxLength={10000} showCount />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name="beneficiariesCount"
                      label={t('field.beneficiariesCount')}
                      rules={[{ required: true, message: t('beneficiariesRequired') }]}
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
                      rules={[
                        {
                          required: true,
                          whitespace: true,
                          message: t('beneficiariesDescriptionRequired'),
                        },
                      ]}
                    >
                      <Input maxLength={1000} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name="contactName"
                      label={t('field.contactName')}
                      rules={[
                        { required: true, whitespace: true, message: t('contactNameRequired') },
                      ]}
                    >
                      <Input maxLength={50} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name="contactPhone"
                      label={t('field.contactPhone')}
                      rules={[
                        { required: true, whitespace: true, message: t('contactPhoneRequired') },
                        { pattern: PHONE_PATTERN, message: tOrgs('phoneInvalid') },
                      ]}
                    >
                      <Input maxLength={20} inputMode="tel" />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>

              <CostItemsCard live={live} showViolations={showViolations} />

              <Card
                variant="borderless"
                title={t('section.funding')}
                extra={
                  <Typography.Text type="secondary">{t('fundingPrinciple')}</Typography.Text>
                }
              >
                <Row gutter={16}>
                  {FUNDING_SOURCES.map((source) => (
                    <Col xs={24} sm={12} key={source}>
                      <FundingField
                        source={source}
                        competition={c}
                        capFen={category?.capFen}
                        live={live}
                        showViolations={showViolations}
                      />
                    </Col>
                  ))}
                </Row>
                {!wide && <div className="xs-inline-feedback">{feedback}</div>}
              </Card>

              <Card variant="borderless" title={t('section.attachments')} ref={attachmentsRef}>
                {original ? (
                  <AttachmentsPanel
                    application={original}
                    requiredTypes={c?.requiredAttachmentTypes ?? []}
                    editable
                    onChanged={() => refresh()}
                  />
                ) : (
                  <Alert type="info" showIcon title={t('attachmentsAfterSave')} />
                )}
              </Card>
            </Flex>
          </Col>
          {wide && (
            <Col xl={8}>
              <div className="xs-sticky-panel">
                <Card variant="borderless" size="small">
                  {feedback}
                </Card>
                {original && c && (
                  <Card variant="borderless" size="small" style={{ marginTop: 16 }}>
                    <SubmissionChecklist application={original} competition={c} />
                  </Card>
                )}
              </div>
            </Col>
          )}
        </Row>
      </Form>
      <Flex justify="flex-end" gap={8} style={{ marginTop: 16 }}>
        <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} onClick={() => void submit()}>
          {original ? tc('save') : t('saveDraft')}
        </Button>
      </Flex>
    </>
  );
}

function CostItemsCard({
  live,
  showViolations,
}: {
  live: ReturnType<typeof liveFunding>;
  showViolations: boolean;
}) {
  const t = applicationsText.useT();
  const lang = useLang();
  const problem = (field: string) => {
    const found = showViolations ? live.byField.get(field) : undefined;
    return found ? (lang === 'en' ? found.en : found.zh) : undefined;
  };
  const listProblem = problem('costItems') ?? problem('totalCost');
  return (
    <Card variant="borderless" title={t('section.costItems')}>
      <Form.List name="costItems">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8} data-testid="cost-items">
            <Flex gap={8} className="xs-list-header">
              <span style={{ width: 20 }} />
              <span style={{ flex: '3 1 200px' }}>{t('field.costItem')}</span>
              <span style={{ flex: '1 1 160px' }}>{t('field.costAmount')}</span>
              <span style={{ width: 32 }} />
            </Flex>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="flex-start" className="xs-list-row">
                <Typography.Text type="secondary" style={{ lineHeight: '32px', width: 20 }}>
                  {index + 1}
                </Typography.Text>
                <Form.Item
                  name={[field.name, 'item']}
                  rules={[{ required: true, whitespace: true, message: t('costItemRequired') }]}
                  style={{ flex: '3 1 200px', marginBottom: 0 }}
                >
                  <Input
                    maxLength={100}
                    placeholder={t('costItemPlaceholder')}
                    aria-label={t('field.costItem')}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'amount']}
                  rules={yuanRules({ required: true, positive: true })}
                  style={{ flex: '1 1 160px', marginBottom: 0 }}
                >
                  <Input suffix="元" inputMode="decimal" aria-label={t('field.costAmount')} />
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  disabled={fields.length === 1}
                  onClick={() => remove(field.name)}
                  aria-label={t('removeCostItem')}
                />
              </Flex>
            ))}
            <Flex justify="space-between" align="center" wrap gap={8}>
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ item: '', amount: '' })}>
                {t('addCostItem')}
              </Button>
              <Flex gap={8} align="baseline" data-testid="cost-total">
                <Typography.Text type="secondary">{t('costTotal')}</Typography.Text>
                {Number.isNaN(live.totalCost) ? '—' : <Money fen={live.totalCost} showWan strong />}
              </Flex>
            </Flex>
            {listProblem && <Typography.Text type="danger">{listProblem}</Typography.Text>}
          </Flex>
        )}
      </Form.List>
    </Card>
  );
}

function FundingField({
  source,
  competition,
  capFen,
  live,
  showViolations,
}: {
  source: FundingSource;
  competition?: CompetitionView;
  capFen?: number;
  live: ReturnType<typeof liveFunding>;
  showViolations: boolean;
}) {
  const t = applicationsText.useT();
  const lang = useLang();
  const violation = showViolations ? live.byField.get(`funding.${source}`) : undefined;
  const required = competition?.requiredSources.includes(source);
  const subsidy = source === 'requestedSubsidy';
  return (
    <Form.Item
      name={['funding', source]}
      label={
        <Flex gap={6} align="center">
          {fundingSourceText.label(source)}
          {required && (
            <Tag color="blue" style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '18px' }}>
              {t('sourceRequired')}
            </Tag>
          )}
        </Flex>
      }
      rules={yuanRules()}
      // Blank counts as zero: no "(optional)" mark on the amounts.
      required
      validateStatus={violation ? (isBlocking(violation) ? 'error' : 'warning') : undefined}
      help={violation ? (lang === 'en' ? violation.en : violation.zh) : undefined}
      extra={
        subsidy && capFen ? t('capHint', { yuan: yuan(capFen), wan: wan(capFen) }) : undefined
      }
    >
      <Input
        suffix="元"
        inputMode="decimal"
        placeholder="0.00"
        aria-label={fundingSourceText.label(source)}
      />
    </Form.Item>
  );
}
