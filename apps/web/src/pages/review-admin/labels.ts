import type { ConflictCategory, ConflictKind } from '@xiaoshi/contracts';
import { defineEnum } from '../../i18n/i18n';

/** Conflict-of-interest enums, typed against the contracts' closed sets. */

export const conflictKindText = defineEnum<ConflictKind>(
  'reviewAdmin.conflictKind',
  { automatic: '自动回避', declared: '本人声明', pinned: '管理员指定' },
  { automatic: 'Automatic', declared: 'Declared', pinned: 'Pinned by admin' },
);

export const conflictCategoryText = defineEnum<ConflictCategory>(
  'reviewAdmin.conflictCategory',
  { affiliation: '单位关联', personal: '个人关系', financial: '经济利益', other: '其他' },
  { affiliation: 'Affiliation', personal: 'Personal', financial: 'Financial', other: 'Other' },
);
