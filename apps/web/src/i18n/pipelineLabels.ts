import type { CompetitionKind } from '@xiaoshi/contracts';
import {
  ACTION_LABELS,
  FUNDING_SOURCE_LABELS,
  STATUS_LABELS,
  TRANCHE_CONDITION_LABELS,
  attachmentLabel,
  type ApplicationAction,
  type ApplicationStatus,
  type FundingSource,
  type TrancheCondition,
} from '@xiaoshi/domain';
import type { Lang, Translate } from './I18nProvider';
import type { MessageKey } from './zh';
import { zh } from './zh';

/** The domain's English labels are lower-case phrases; a label on its own starts with a capital. */
function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function pick(labels: { zh: string; en: string } | undefined, lang: Lang, fallback: string): string {
  if (!labels) return fallback;
  return lang === 'en' ? capitalise(labels.en) : labels.zh;
}

export function applicationStatusLabel(status: string, lang: Lang): string {
  return pick(STATUS_LABELS[status as ApplicationStatus], lang, status);
}

export function fundingSourceLabel(source: string, lang: Lang): string {
  return pick(FUNDING_SOURCE_LABELS[source as FundingSource], lang, source);
}

export function attachmentTypeLabel(type: string, lang: Lang): string {
  return pick(attachmentLabel(type), lang, type);
}

export function trancheConditionLabel(condition: string, lang: Lang): string {
  return pick(TRANCHE_CONDITION_LABELS[condition as TrancheCondition], lang, condition);
}

export function competitionKindLabel(kind: CompetitionKind, t: Translate): string {
  return t(`competitionKind.${kind}`);
}

export function competitionStatusLabel(status: string, t: Translate): string {
  const key = `competitionStatus.${status}`;
  return key in zh ? t(key as MessageKey) : status;
}

/**
 * A history entry's action: the workflow's own moves by our button wording, system moves
 * (creation, reviewer assignment, scoring) by their own key, anything newer by the domain or code.
 */
export function historyActionLabel(action: string, lang: Lang, t: Translate): string {
  const key = `history.${action}`;
  if (key in zh) return t(key as MessageKey);
  return pick(ACTION_LABELS[action as ApplicationAction], lang, action);
}

/** Tag colours by status family: in progress, good, needs attention, finished badly. */
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
