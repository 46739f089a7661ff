import type { ProgrammeView } from '@xiaoshi/contracts';
import { Descriptions, Flex, Tag, Typography } from 'antd';
import { attachmentTypeText, competitionKindText, fundingSourceText, trancheConditionText } from '../../../i18n/enums';
import { fenOrZero, wan, yuan } from '../../../lib/money';
import { flattenLines } from '../../budgets/useBudgets';
import { rubricSum } from './RubricStep';
import type { WizardValues } from './values';
import { competitionsText } from '../text';
import { commonText } from '../../../i18n/common';

const TIME = 'YYYY-MM-DD HH:mm';

/** Step 7: everything on one page before saving. */
export function ReviewStep({ values, programmes }: { values: WizardValues; programmes: ProgrammeView[] }) {
  const t = competitionsText.useT();
  const tc = commonText.useT();
  const line = flattenLines(programmes).find((candidate) => candidate.id === values.budgetLineId);
  const envelope = fenOrZero(values.envelope);
  const none = t('noneRequired');
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      styles={{ label: { width: 180 } }}
      items={[
        { key: 'title', label: t('field.title'), children: values.title },
        {
          key: 'kind',
          label: t('field.kind'),
          children: values.kind ? competitionKindText.label(values.kind) : '',
        },
        {
          key: 'line',
          label: t('field.budgetLine'),
          children: line ? `${line.programme.year} · ${line.name}` : '',
        },
        {
          key: 'envelope',
          label: t('field.envelope'),
          children: Number.isNaN(envelope) ? values.envelope : `${yuan(envelope)}（${wan(envelope)}）`,
        },
        {
          key: 'categories',
          label: t('categories'),
          children: (
            <Flex vertical>
              {(values.categories ?? []).map((category) => (
                <span key={category.key}>
                  {category.name}：{t('capUpTo', { amount: yuan(fenOrZero(category.cap) || 0) })}
                </span>
              ))}
            </Flex>
          ),
        },
        {
          key: 'submission',
          label: t('field.submissionWindow'),
          children: values.submissionWindow
            ? `${values.submissionWindow[0].format(TIME)} — ${values.submissionWindow[1].format(TIME)}`
            : '',
        },
        {
          key: 'review',
          label: t('field.reviewWindow'),
          children: values.reviewWindow
            ? `${values.reviewWindow[0].format(TIME)} — ${values.reviewWindow[1].format(TIME)}`
            : '',
        },
        {
          key: 'deadline',
          label: t('field.implementationDeadline'),
          children: values.implementationDeadline?.format('YYYY-MM-DD') ?? '',
        },
        {
          key: 'quotas',
          label: t('quotas'),
          children: (
            <Flex vertical>
              <span>
                {values.maxPerStreet
                  ? t('minMax', { min: values.minPerStreet, max: values.maxPerStreet })
                  : t('minOnly', { min: values.minPerStreet })}
              </span>
              <span>{t('awardRange', { min: values.awardMin, max: values.awardMax })}</span>
              <span>
                {t('field.noticeWorkingDays')}：
                {t('workingDays', { count: values.noticeWorkingDays })}
              </span>
              <span>
                {t('field.reviewersPerApplication')}：
                {t('people', { count: values.reviewersPerApplication })}
              </span>
            </Flex>
          ),
        },
        {
          key: 'sources',
          label: t('field.requiredSources'),
          children: values.requiredSources?.length
            ? values.requiredSources.map((source) => (
                <Tag key={source}>{fundingSourceText.label(source)}</Tag>
              ))
            : none,
        },
        {
          key: 'cofunding',
          label: t('field.minCoFundingShare'),
          children: values.minCoFundingPercent
            ? `${values.minCoFundingPercent}%`
            : t('noMinimum'),
        },
        {
          key: 'attachments',
          label: t('field.requiredAttachmentTypes'),
          children: values.requiredAttachmentTypes?.length
            ? values.requiredAttachmentTypes.map((type) => (
                <Tag key={type}>{attachmentTypeText.label(type)}</Tag>
              ))
            : none,
        },
        {
          key: 'partner',
          label: t('field.requiresPartner'),
          children: values.requiresPartner ? tc('yes') : tc('no'),
        },
        {
          key: 'rubric',
          label: t('rubric'),
          children: (
            <Flex vertical>
              {(values.rubric ?? []).map((criterion) => (
                <span key={criterion.key}>
                  {criterion.name}：{criterion.maxPoints ?? 0} {t('points')}
                </span>
              ))}
              <Typography.Text strong>
                {t('rubricSum', { sum: rubricSum(values.rubric) })}
              </Typography.Text>
            </Flex>
          ),
        },
        {
          key: 'tranches',
          label: t('tranches'),
          children: (
            <Flex vertical>
              {(values.tranches ?? []).map((tranche, index) => (
                <span key={index}>
                  {tranche.percent ?? 0}% · {trancheConditionText.label(tranche.condition)}
                </span>
              ))}
            </Flex>
          ),
        },
      ]}
    />
  );
}
