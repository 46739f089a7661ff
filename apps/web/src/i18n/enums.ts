import {
  ROLE_LABELS,
  type CompetitionKind,
  type CompetitionView,
  type OrgUnitKind,
  type OrganisationType,
} from '@xiaoshi/contracts';
import {
  ATTACHMENT_TYPES,
  FUNDING_SOURCE_LABELS,
  MOVE_LABELS,
  STATUS_LABELS,
  TRANCHE_CONDITION_LABELS,
  type ApplicationMove,
  type AttachmentType,
} from '@xiaoshi/domain';
import { defineEnum, defineEnumFromTable } from './i18n';

/**
 * Labels of the enums several features show. Each is typed against its union in libs/contracts or
 * libs/domain, so a value added there without a label here fails to compile. Feature-only enums
 * live in their feature's dictionary.
 */

export const roleText = defineEnumFromTable('enum.role', ROLE_LABELS);

export const unitKindText = defineEnum<OrgUnitKind>(
  'enum.unitKind',
  { province: '省', city: '市', district: '区', street: '街道', community: '社区', organisation: '合作单位' },
  { province: 'Province', city: 'City', district: 'District', street: 'Street', community: 'Community', organisation: 'Partner' },
);

export const organisationTypeText = defineEnum<OrganisationType>(
  'enum.organisationType',
  { university: '高校', social_organisation: '社会组织', enterprise: '企业', other: '其他' },
  { university: 'University', social_organisation: 'Social organisation', enterprise: 'Enterprise', other: 'Other' },
);

export const applicationStatusText = defineEnumFromTable('enum.applicationStatus', STATUS_LABELS);

/**
 * A history entry of an application: creation, the users' actions in our button wording, and the
 * system's moves (reviewers assigned, scoring, award, delivery) in the domain's wording.
 */
export const applicationHistoryText = defineEnum<ApplicationMove | 'create'>(
  'enum.applicationHistory',
  {
    create: '创建草稿',
    submit_to_street: '社区报街道',
    return_to_community: '街道退回社区',
    submit: '街道送审',
    screen_eligible: '形式审查合格',
    screen_return: '形式审查退回修改',
    screen_ineligible: '形式审查不合格',
    withdraw: '撤回',
    assign_reviewers: '分配评审专家',
    scores_complete: '评分完成',
    scores_reopened: '评分表退回修改',
    propose_award: MOVE_LABELS.propose_award.zh,
    decision_superseded: MOVE_LABELS.decision_superseded.zh,
    publish_notice: MOVE_LABELS.publish_notice.zh,
    approve_award: MOVE_LABELS.approve_award.zh,
    not_funded: MOVE_LABELS.not_funded.zh,
    objection_upheld: MOVE_LABELS.objection_upheld.zh,
    start_delivery: MOVE_LABELS.start_delivery.zh,
    request_acceptance: MOVE_LABELS.request_acceptance.zh,
    inspection_passed: MOVE_LABELS.inspection_passed.zh,
    inspection_rectification: MOVE_LABELS.inspection_rectification.zh,
    inspection_failed: MOVE_LABELS.inspection_failed.zh,
    close: MOVE_LABELS.close.zh,
  },
  {
    create: 'Draft created',
    submit_to_street: 'Sent to the street',
    return_to_community: 'Returned to the community',
    submit: 'Submitted by the street',
    screen_eligible: 'Screened eligible',
    screen_return: 'Returned for revision',
    screen_ineligible: 'Screened ineligible',
    withdraw: 'Withdrawn',
    assign_reviewers: 'Reviewers assigned',
    scores_complete: 'Scoring complete',
    scores_reopened: 'Score sheet reopened',
    propose_award: MOVE_LABELS.propose_award.en,
    decision_superseded: MOVE_LABELS.decision_superseded.en,
    publish_notice: MOVE_LABELS.publish_notice.en,
    approve_award: MOVE_LABELS.approve_award.en,
    not_funded: MOVE_LABELS.not_funded.en,
    objection_upheld: MOVE_LABELS.objection_upheld.en,
    start_delivery: MOVE_LABELS.start_delivery.en,
    request_acceptance: MOVE_LABELS.request_acceptance.en,
    inspection_passed: MOVE_LABELS.inspection_passed.en,
    inspection_rectification: MOVE_LABELS.inspection_rectification.en,
    inspection_failed: MOVE_LABELS.inspection_failed.en,
    close: MOVE_LABELS.close.en,
  },
);

export const fundingSourceText = defineEnumFromTable('enum.fundingSource', FUNDING_SOURCE_LABELS);

export const attachmentTypeText = defineEnumFromTable(
  'enum.attachmentType',
  Object.fromEntries(ATTACHMENT_TYPES.map(({ key, zh, en }) => [key, { zh, en }])) as Record<
    AttachmentType,
    { zh: string; en: string }
  >,
);

export const trancheConditionText = defineEnumFromTable('enum.trancheCondition', TRANCHE_CONDITION_LABELS);

export const competitionKindText = defineEnum<CompetitionKind>(
  'enum.competitionKind',
  { livelihood: '民生小实事', governance: '党建引领基层治理', volunteer: '社区+高校志愿服务', generic: '其他比选' },
  {
    livelihood: 'Livelihood micro-projects',
    governance: 'Party-building-led governance',
    volunteer: 'Community + university volunteering',
    generic: 'Other',
  },
);

export const competitionStatusText = defineEnum<CompetitionView['status']>(
  'enum.competitionStatus',
  { draft: '草稿', published: '已发布', closed: '已截止', cancelled: '已取消' },
  { draft: 'Draft', published: 'Published', closed: 'Closed', cancelled: 'Cancelled' },
);

/** Tag colours by application status family: in progress, good, needs attention, finished badly. */
export function applicationStatusColor(status: string): string {
  switch (status) {
    case 'draft':
    case 'withdrawn':
      return 'default';
    case 'awaiting_street':
    case 'submitted':
      return 'processing';
    case 'returned':
    case 'rectification':
      return 'warning';
    case 'ineligible':
    case 'not_funded':
      return 'error';
    case 'eligible':
    case 'approved':
    case 'accepted':
    case 'closed':
      return 'success';
    default:
      return 'blue';
  }
}
