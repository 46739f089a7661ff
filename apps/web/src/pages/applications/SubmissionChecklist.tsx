import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import type { ApplicationView, CompetitionView } from '@xiaoshi/contracts';
import { checkFunding, checkSubmission, type FundingSource } from '@xiaoshi/domain';
import { Flex, Typography } from 'antd';
import { attachmentTypeText } from '../../i18n/enums';
import { formatDateTime } from '../../lib/time';
import { applicationsText } from './text';
import { useLang } from '../../i18n/i18n';

interface Check {
  key: string;
  ok: boolean;
  text: string;
}

/**
 * What the street's submission will be checked against, from the saved application: the window,
 * the required attachments, the funding rules that bind at submission, the partner.
 */
export function SubmissionChecklist({
  application,
  competition,
}: {
  application: ApplicationView;
  competition: CompetitionView;
}) {
  const t = applicationsText.useT();
  const lang = useLang();
  const pick = (violation: { zh: string; en: string }) => (lang === 'en' ? violation.en : violation.zh);
  // A returned entry may come back until review starts (the API's rule).
  const closesAt =
    application.status === 'returned' ? competition.reviewOpensAt : competition.submissionClosesAt;
  const present = application.attachments.map((file) => file.type);
  const submission = checkSubmission({
    now: new Date(),
    window: { opensAt: new Date(competition.submissionOpensAt), closesAt: new Date(closesAt) },
    requiredAttachmentTypes: competition.requiredAttachmentTypes,
    presentAttachmentTypes: present,
  });
  const category = competition.categories.find((candidate) => candidate.id === application.category.id);
  const funding = checkFunding(
    { totalCost: application.totalCostFen, costItems: application.costItems, funding: application.funding },
    {
      categoryCap: category?.capFen ?? Number.MAX_SAFE_INTEGER,
      requiredSources: competition.requiredSources as FundingSource[],
      minCoFundingShareBp: competition.minCoFundingShareBp,
    },
  );
  const windowProblem = submission.find((violation) => violation.field === 'submissionWindow');
  const checks: Check[] = [
    {
      key: 'window',
      ok: !windowProblem,
      text: windowProblem
        ? pick(windowProblem)
        : t('checklist.windowOpen', { time: formatDateTime(closesAt, lang, false) }),
    },
    ...competition.requiredAttachmentTypes.map((type) => ({
      key: `attachment-${type}`,
      ok: present.includes(type),
      text: t(present.includes(type) ? 'checklist.attachmentPresent' : 'checklist.attachmentMissing', {
        type: attachmentTypeText.label(type),
      }),
    })),
    funding.length
      ? { key: 'funding', ok: false, text: funding.map(pick).join('；') }
      : { key: 'funding', ok: true, text: t('checklist.fundingOk') },
  ];
  if (competition.requiresPartner) {
    checks.push({
      key: 'partner',
      ok: !!application.partnerOrg,
      text: application.partnerOrg
        ? t('checklist.partnerPresent', { name: application.partnerOrg.name })
        : t('checklist.partnerMissing'),
    });
  }
  const ready = checks.every((check) => check.ok);
  return (
    <Flex vertical gap={8} data-testid="submission-checklist" data-ready={ready}>
      <Typography.Text strong>{t('checklist.title')}</Typography.Text>
      {checks.map((check) => (
        <Flex key={check.key} gap={6} align="flex-start">
          {check.ok ? (
            <CheckCircleFilled style={{ color: '#16a34a', marginTop: 4 }} />
          ) : (
            <CloseCircleFilled style={{ color: '#dc2626', marginTop: 4 }} />
          )}
          <Typography.Text style={{ fontSize: 13 }}>{check.text}</Typography.Text>
        </Flex>
      ))}
      <Typography.Text type={ready ? 'success' : 'secondary'} style={{ fontSize: 12 }}>
        {ready ? t('checklist.ready') : t('checklist.notReady')}
      </Typography.Text>
    </Flex>
  );
}
