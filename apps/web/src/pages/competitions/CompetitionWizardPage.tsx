import { ArrowLeftOutlined, ArrowRightOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CompetitionKind, CompetitionView, ProgrammeView } from '@xiaoshi/contracts';
import { App, Button, Card, Flex, Form, Grid, Skeleton, Steps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { competitionsApi } from '../../api/pipeline';
import { hasCode, isApiError } from '../../api/errors';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import type { KeyOf } from '../../i18n/i18n';
import { errorMessage } from '../../lib/errors';
import { useProgrammes } from '../budgets/useBudgets';
import { useCompetition } from './useCompetitions';
import { BasicsStep } from './wizard/BasicsStep';
import { CategoriesStep } from './wizard/CategoriesStep';
import { presetFor } from './wizard/presets';
import { ReviewStep } from './wizard/ReviewStep';
import { RubricStep } from './wizard/RubricStep';
import { RulesStep } from './wizard/RulesStep';
import { TranchesStep } from './wizard/TranchesStep';
import { WindowsStep } from './wizard/WindowsStep';
import {
  API_FIELD_TO_FORM,
  STEP_FIELDS,
  stepOf,
  toRequest,
  toUpdate,
  toValues,
  type WizardValues,
} from './wizard/values';
import { competitionsText } from './text';
import { commonText } from '../../i18n/common';
import { useLang } from '../../i18n/i18n';

const STEP_TITLES: Array<KeyOf<typeof competitionsText>> = [
  'step.basics',
  'step.categories',
  'step.windows',
  'step.rules',
  'step.rubric',
  'step.tranches',
  'step.review',
];

export default function CompetitionWizardPage() {
  const { id } = useParams();
  const editingId = id ? Number(id) : undefined;
  const t = competitionsText.useT();
  const existing = useCompetition(editingId);
  const programmes = useProgrammes(undefined);

  const failed = (editingId !== undefined && existing.isError) || programmes.isError;
  if (failed) {
    const error = existing.error ?? programmes.error;
    return (
      <QueryError
        error={error}
        onRetry={() => void (existing.isError ? existing.refetch() : programmes.refetch())}
      />
    );
  }
  if ((editingId !== undefined && existing.isPending) || programmes.isPending)
    return <Skeleton active paragraph={{ rows: 8 }} />;
  return (
    <>
      <PageHeader
        title={
          existing.data
            ? t('editTitle', { title: existing.data.title })
            : t('create')
        }
        subtitle={t('wizardSubtitle')}
      />
      <Wizard key={existing.data?.id ?? 'new'} original={existing.data} programmes={programmes.data} />
    </>
  );
}

function defaults(zh: boolean): WizardValues {
  const opens = dayjs().add(1, 'day').hour(9).minute(0).second(0);
  const closes = opens.add(30, 'day').hour(17);
  const reviewOpens = closes.add(1, 'day').hour(9);
  const reviewCloses = reviewOpens.add(14, 'day').hour(17);
  return {
    kind: 'livelihood',
    title: '',
    description: '',
    envelope: '',
    submissionWindow: [opens, closes],
    reviewWindow: [reviewOpens, reviewCloses],
    implementationDeadline: reviewCloses.add(180, 'day'),
    minPerStreet: 0,
    maxPerStreet: null,
    awardMin: 1,
    awardMax: 5,
    noticeWorkingDays: 5,
    reminderDaysBeforeClose: 7,
    reviewersPerApplication: 5,
    minCoFundingPercent: null,
    ...presetFor('livelihood', zh),
  };
}

function Wizard({ original, programmes }: { original?: CompetitionView; programmes: ProgrammeView[] }) {
  const t = competitionsText.useT();
  const tc = commonText.useT();
  const lang = useLang();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<WizardValues>();
  const [step, setStep] = useState(0);
  const [snapshot, setSnapshot] = useState<WizardValues | null>(null);
  const [initialValues] = useState<WizardValues>(() =>
    original ? toValues(original) : defaults(lang === 'zh'),
  );
  const editing = !!original;

  const save = useMutation({
    mutationFn: async ({ values, publish }: { values: WizardValues; publish: boolean }) => {
      const saved = original
        ? await competitionsApi.update(original.id, toUpdate(original, values))
        : await competitionsApi.create(toRequest(values));
      return publish && saved.status === 'draft' ? competitionsApi.setStatus(saved.id, 'publish') : saved;
    },
  });

  const goTo = async (target: number) => {
    if (target > step) {
      try {
        await form.validateFields(STEP_FIELDS[step], { recursive: true });
      } catch {
        return;
      }
    }
    if (target === STEP_TITLES.length - 1) setSnapshot(form.getFieldsValue(true) as WizardValues);
    setStep(target);
  };

  const onKindChange = (kind: CompetitionKind) => {
    if (editing) return;
    form.setFieldsValue(presetFor(kind, lang === 'zh'));
    message.info(t('presetApplied'));
  };

  const showApiFields = (error: unknown) => {
    if (!isApiError(error)) return false;
    const placed = new Map<keyof WizardValues, string[]>();
    for (const [path, text] of Object.entries(error.fields)) {
      const field = API_FIELD_TO_FORM[path.split('.')[0]];
      if (field) placed.set(field, [...(placed.get(field) ?? []), text]);
    }
    if (!placed.size) return false;
    form.setFields([...placed].map(([name, errors]) => ({ name, errors })));
    setStep(Math.min(...[...placed.keys()].map(stepOf)));
    return true;
  };

  const submit = async (publish: boolean) => {
    let values: WizardValues;
    try {
      await form.validateFields(undefined, { recursive: true });
      values = form.getFieldsValue(true) as WizardValues;
    } catch (invalid) {
      const fields = (invalid as { errorFields?: Array<{ name: Array<string | number> }> }).errorFields ?? [];
      if (fields.length)
        setStep(Math.min(...fields.map((field) => stepOf(field.name[0] as keyof WizardValues))));
      message.error(t('fixErrors'));
      return;
    }
    try {
      const saved = await save.mutateAsync({ values, publish });
      await queryClient.invalidateQueries({ queryKey: ['competitions'] });
      await queryClient.invalidateQueries({ queryKey: ['budgets'] });
      message.success(
        t(publish ? 'savedPublished' : editing ? 'saved' : 'created'),
      );
      void navigate(`/competitions/${saved.id}`);
    } catch (error) {
      if (hasCode(error, 'CONFLICT') && isApiError(error) && !Object.keys(error.fields).length) {
        message.warning(tc('error.conflict'));
        await queryClient.invalidateQueries({ queryKey: ['competitions', 'detail', original?.id] });
        return;
      }
      const shown = showApiFields(error);
      message.error(shown ? t('fixErrors') : errorMessage(error));
    }
  };

  const last = STEP_TITLES.length - 1;
  return (
    <Card variant="borderless">
      <Steps
        current={step}
        size="small"
        onChange={(target) => void goTo(target)}
        titlePlacement={screens.lg ? 'horizontal' : 'vertical'}
        items={STEP_TITLES.map((title) => ({ title: t(title) }))}
        className="xs-wizard-steps"
      />
      <Form<WizardValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        requiredMark="optional"
        className="xs-wizard-form"
        data-testid="competition-wizard"
      >
        <div hidden={step !== 0}>
          <BasicsStep
            programmes={programmes}
            editing={editing}
            ownEnvelopeFen={original?.envelopeFen ?? 0}
            ownLineId={original?.budgetLineId}
            onKindChange={onKindChange}
          />
        </div>
        <div hidden={step !== 1}>
          <CategoriesStep hasApplicationsHint={editing && original?.status !== 'draft'} />
        </div>
        <div hidden={step !== 2}>
          <WindowsStep />
        </div>
        <div hidden={step !== 3}>
          <RulesStep />
        </div>
        <div hidden={step !== 4}>
          <RubricStep locked={!!original?.rubricLocked} />
        </div>
        <div hidden={step !== 5}>
          <TranchesStep />
        </div>
        {step === last && snapshot && <ReviewStep values={snapshot} programmes={programmes} />}
      </Form>
      <Flex justify="space-between" gap={8} wrap className="xs-wizard-footer">
        <Button icon={<ArrowLeftOutlined />} disabled={step === 0} onClick={() => setStep(step - 1)}>
          {t('prev')}
        </Button>
        <Flex gap={8} wrap>
          {step < last ? (
            <Button type="primary" onClick={() => void goTo(step + 1)}>
              {t('next')} <ArrowRightOutlined />
            </Button>
          ) : (
            <>
              <Button
                icon={<SaveOutlined />}
                loading={save.isPending}
                onClick={() => void submit(false)}
                type={original?.status === 'draft' || !original ? 'default' : 'primary'}
              >
                {editing ? t('saveChanges') : t('saveDraft')}
              </Button>
              {(!original || original.status === 'draft') && (
                <Button
                  type="primary"
                  icon={<SendOutlined />}
                  loading={save.isPending}
                  onClick={() => void submit(true)}
                >
                  {t('saveAndPublish')}
                </Button>
              )}
            </>
          )}
        </Flex>
      </Flex>
    </Card>
  );
}
