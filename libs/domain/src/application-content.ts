import { checkFunding, type FundingInput, type FundingRules } from './funding.js';
import { violation, type Violation } from './violation.js';

/** Rules that only bind at submission: a draft may still be waiting for residents' money. */
const SUBMISSION_ONLY_CODES = new Set(['SOURCE_REQUIRED', 'COFUNDING_TOO_LOW']);

export interface ApplicationContent extends FundingInput {
  /** 'YYYY-MM-DD' */
  startDate: string;
  endDate: string;
  partnerOrgId: number | null;
}

export interface ApplicationContentRules extends FundingRules {
  /** 'YYYY-MM-DD': the competition's implementation deadline. */
  implementationDeadline: string;
  requiresPartner: boolean;
}

/**
 * Field-level checks of an application's content against its competition and category: the
 * funding rules, dates in order and within the competition's deadline, and — at submission, when
 * the competition asks for one — the partner. A draft is checked without the submission-only rules.
 */
export function checkApplicationContent(
  content: ApplicationContent,
  rules: ApplicationContentRules,
  atSubmission: boolean,
): Violation[] {
  const violations = checkFunding(content, rules).filter(
    (found) => atSubmission || !SUBMISSION_ONLY_CODES.has(found.code),
  );
  if (content.startDate > content.endDate) {
    violations.push(violation('endDate', 'DATES_REVERSED', '结束日期不能早于开始日期', 'The end date is before the start date'));
  }
  if (content.endDate > rules.implementationDeadline) {
    violations.push(
      violation(
        'endDate',
        'AFTER_DEADLINE',
        `须在实施截止日期 ${rules.implementationDeadline} 前完成`,
        `Must finish by the implementation deadline ${rules.implementationDeadline}`,
      ),
    );
  }
  if (atSubmission && rules.requiresPartner && !content.partnerOrgId) {
    violations.push(violation('partnerOrgId', 'PARTNER_REQUIRED', '请填写合作高校或社会组织', 'Name the partner university or organisation'));
  }
  return violations;
}
