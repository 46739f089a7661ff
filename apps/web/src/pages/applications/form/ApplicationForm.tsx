import { SaveOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import type { ApplicationView, CreateApplicationRequest } from '@xiaoshi/contracts';
import { FUNDING_SOURCES, fenToYuanString } from '@xiaoshi/domain';
import { Alert, App, Button, Card, Col, Flex, Form, Grid, Row, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { applicationsApi } from '../../../api/pipeline';
import { hasCode, isApiError } from '../../../api/errors';
import { useSessionUser } from '../../../app/auth/AuthContext';
import { PageHeader } from '../../../components/PageHeader';
import { errorMessage } from '../../../lib/errors';
import { useCompetition } from '../../competitions/useCompetitions';
import { AttachmentsPanel } from '../AttachmentsPanel';
import { FundingFeedback } from '../FundingFeedback';
import { isBlocking, liveFunding, type CostItemText, type FundingText } from '../funding';
import { SubmissionChecklist } from '../SubmissionChecklist';
import { useApplicationRefresh } from '../useApplication';
import { applicationsText } from '../text';
import { commonText } from '../../../i18n/common';
import { useLang } from '../../../i18n/i18n';
import { type Values, valuesOf, BLANK_FUNDING, formNameOf } from './values';
import { CostItemsCard } from './CostItemsCard';
import { FundingField } from './FundingField';
import { BasicsCard } from './BasicsCard';

export function ApplicationForm({
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
      message.error(t('fundingBlocking', { first: lang === 'en' ? blocking[0].en : blocking[0].zh }));
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
        <Alert type="success" showIcon title={t('justCreated')} style={{ marginBottom: 16 }} closable />
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
              <BasicsCard form={form} original={original} competition={c} category={category} />

              <CostItemsCard live={live} showViolations={showViolations} />

              <Card
                variant="borderless"
                title={t('section.funding')}
                extra={<Typography.Text type="secondary">{t('fundingPrinciple')}</Typography.Text>}
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
