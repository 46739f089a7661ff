import type { ApplicationView } from '@xiaoshi/contracts';
import { FUNDING_SOURCES, fenToYuanString } from '@xiaoshi/domain';
import dayjs, { type Dayjs } from 'dayjs';
import { type CostItemText, type FundingText } from '../funding';

export interface Values {
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

export function valuesOf(application: ApplicationView): Values {
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

export const BLANK_FUNDING = Object.fromEntries(FUNDING_SOURCES.map((source) => [source, ''])) as FundingText;

/** API field paths ('funding.requestedSubsidy', 'costItems.1.amount', 'endDate') as form names. */
export function formNameOf(path: string): Array<string | number> | null {
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
