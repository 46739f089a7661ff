import type { CompetitionKind } from '@xiaoshi/contracts';
import { DEFAULT_LIVELIHOOD_RUBRIC } from '@xiaoshi/domain';
import type { WizardValues } from './values';

/** camelCase → snake_case: criterion keys are lower-case codes in the API's schema. */
function snake(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

const DEFAULT_RUBRIC = DEFAULT_LIVELIHOOD_RUBRIC.map((criterion) => ({
  key: snake(criterion.key),
  name: criterion.name,
  maxPoints: criterion.maxPoints,
}));

type Preset = Pick<
  WizardValues,
  'categories' | 'requiredSources' | 'requiredAttachmentTypes' | 'requiresPartner' | 'tranches' | 'rubric'
>;

/**
 * Starting points per kind, from the defaults (caps 500,000 / 50,000 / 30,000 / 20,000);
 * every value stays editable, and nothing here is specific to one district.
 */
export function presetFor(kind: CompetitionKind, zh: boolean): Preset {
  const category = (key: string, name: string, nameEn: string, capYuan: string) => ({
    key,
    name: zh ? name : nameEn,
    cap: capYuan,
  });
  const afterAcceptance: Preset['tranches'] = [
    { percent: 30, condition: 'on_approval' },
    { percent: 70, condition: 'after_acceptance' },
  ];
  switch (kind) {
    case 'livelihood':
      return {
        categories: [
          category('works', '工程类', 'Works', '500000'),
          category('service', '服务类', 'Services', '50000'),
        ],
        requiredSources: ['residentMoney'],
        requiredAttachmentTypes: ['council_resolution', 'budget_sheet', 'site_photos'],
        requiresPartner: false,
        tranches: afterAcceptance,
        rubric: DEFAULT_RUBRIC,
      };
    case 'governance':
      return {
        categories: [category('governance', '治理类', 'Governance', '30000')],
        requiredSources: ['communitySelf', 'streetSupport'],
        requiredAttachmentTypes: ['council_resolution', 'budget_sheet'],
        requiresPartner: false,
        tranches: [
          { percent: 30, condition: 'on_approval' },
          { percent: 70, condition: 'after_supervision_evaluation' },
        ],
        rubric: DEFAULT_RUBRIC,
      };
    case 'volunteer':
      return {
        categories: [category('volunteer', '志愿服务类', 'Volunteering', '20000')],
        requiredSources: [],
        requiredAttachmentTypes: ['partner_agreement', 'budget_sheet'],
        requiresPartner: true,
        tranches: afterAcceptance,
        rubric: DEFAULT_RUBRIC,
      };
    default:
      return {
        categories: [category('general', '一般类', 'General', '')],
        requiredSources: [],
        requiredAttachmentTypes: ['budget_sheet'],
        requiresPartner: false,
        tranches: afterAcceptance,
        rubric: DEFAULT_RUBRIC,
      };
  }
}

/** A fresh code for a new row: c1, c2, … (or cat1, …) not yet used in the list. */
export function nextKey(prefix: string, used: ReadonlyArray<{ key?: string }>): string {
  const taken = new Set(used.map((row) => row.key));
  let n = used.length + 1;
  while (taken.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}
