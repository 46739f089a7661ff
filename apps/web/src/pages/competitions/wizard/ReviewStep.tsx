import type { ProgrammeView } from '@xiaoshi/contracts';
import { Descriptions, Flex, Tag, Typography } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider';
import {
  attachmentTypeLabel,
  competitionKindLabel,
  fundingSourceLabel,
  trancheConditionLabel,
} from '../../../i18n/pipelineLabels';
import { fenOrZero, wan, yuan } from '../../../lib/money';
import { flattenLines } from '../../budgets/useBudgets';
import { rubricSum } from './RubricStep';
import type { WizardValues } from './values';

const TIME = 'YYYY-MM-DD HH:mm';

/** Step 7: everything on one page before saving. */
export function ReviewStep({ values, programmes }: { values: WizardValues; programmes: ProgrammeView[] }) {
  const { t, lang } = useI18n();
  const line = flattenLines(programmes).find((candidate) => candidate.id === values.budgetLineId);
  const envelope = fenOrZero(values.envelope);
  const none = t('competitions.noneRequired');
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      styles={{ label: { width: 180 } }}
      items={[
        { key: 'title', label: t('competitions.field.title'), children: values.title },
        {
          key: 'kind',
          label: t('competitions.field.kind'),
          children: values.kind ? competitionKindLabel(values.kind, t) : '',
        },
        {
          key: 'line',
          label: t('competitions.field.budgetLine'),
          children: line ? `${line.programme.year} · ${line.name}` : '',
        },
        {
          key: 'envelope',
          label: t('competitions.field.envelope'),
          children: Number.isNaN(envelope) ? values.envelope : `${yuan(envelope)}（${wan(envelope)}）`,
        },
        {
          key: 'categories',
          label: t('competitions.categories'),
          children: (
            <Flex vertical>
              {(values.categories ?? []).map((category) => (
                <span key={category.key}>
                  {category.name}：{t('competitions.capUpTo', { amount: yuan(fenOrZero(category.cap) || 0) })}
                </span>
              ))}
            </Flex>
          ),
        },
        {
          key: 'submission',
          label: t('competitions.field.submissionWindow'),
          children: values.submissionWindow
            ? `${values.submissionWindow[0].format(TIME)} — ${values.submissionWindow[1].format(TIME)}`
            : '',
        },
        {
          key: 'review',
          label: t('competitions.field.reviewWindow'),
          children: values.reviewWindow
            ? `${values.reviewWindow[0].format(TIME)} — ${values.reviewWindow[1].format(TIME)}`
            : '',
        },
        {
          key: 'deadline',
          label: t('competitions.field.implementationDeadline'),
          children: values.implementationDeadline?.format('YYYY-MM-DD') ?? '',
        },
        {
          key: 'quotas',
          label: t('competitions.quotas'),
          children: (
            <Flex vertical>
              <span>
                {values.maxPerStreet
                  ? t('competitions.minMax', { min: values.minPerStreet, max: values.maxPerStreet })
                  : t('competitions.minOnly', { min: values.minPerStreet })}
              </span>
              <span>{t('competitions.awardRange', { min: values.awardMin, max: values.awardMax })}</span>
              <span>
                {t('competitions.field.noticeWorkingDays')}：
                {t('competitions.workingDays', { count: values.noticeWorkingDays })}
              </span>
              <span>
                {t('competitions.field.reviewersPerApplication')}：
                {t('competitions.people', { count: values.reviewersPerApplication })}
              </span>
            </Flex>
          ),
        },
        {
          key: 'sources',
          label: t('competitions.field.requiredSources'),
          children: values.requiredSources?.length
            ? values.requiredSources.map((source) => (
                <Tag key={source}>{fundingSourceLabel(source, lang)}</Tag>
              ))
            : none,
        },
        {
          key: 'cofunding',
          label: t('competitions.field.minCoFundingShare'),
          children: values.minCoFundingPercent
            ? `${values.minCoFundingPercent}%`
            : t('competitions.noMinimum'),
        },
        {
          key: 'attachments',
          label: t('competitions.field.requiredAttachmentTypes'),
          children: values.requiredAttachmentTypes?.length
            ? values.requiredAttachmentTypes.map((type) => (
                <Tag key={type}>{attachmentTypeLabel(type, lang)}</Tag>
              ))
            : none,
        },
        {
          key: 'partner',
          label: t('competitions.field.requiresPartner'),
          children: values.requiresPartner ? t('common.yes') : t('common.no'),
        },
        {
          key: 'rubric',
          label: t('competitions.rubric'),
          children: (
            <Flex vertical>
              {(values.rubric ?? []).map((criterion) => (
                <span key={criterion.key}>
                  {criterion.name}：{criterion.maxPoints ?? 0} {t('competitions.points')}
                </span>
              ))}
              <Typography.Text strong>
                {t('competitions.rubricSum', { sum: rubricSum(values.rubric) })}
              </Typography.Text>
            </Flex>
          ),
        },
        {
          key: 'tranches',
          label: t('competitions.tranches'),
          children: (
            <Flex vertical>
              {(values.tranches ?? []).map((tranche, index) => (
                <span key={index}>
                  {tranche.percent ?? 0}% · {trancheConditionLabel(tranche.condition, lang)}
                </span>
              ))}
            </Flex>
          ),
        },
      ]}
    />
  );
}
