import { ROLE_LABELS, type OrgUnitKind, type OrganisationType, type Role } from '@xiaoshi/contracts';
import type { Lang, Translate } from './I18nProvider';
import type { MessageKey } from './zh';
import { zh } from './zh';

export function roleLabel(role: Role, lang: Lang): string {
  return ROLE_LABELS[role]?.[lang] ?? role;
}

export function kindLabel(kind: OrgUnitKind, t: Translate): string {
  return t(`kind.${kind}`);
}

export function organisationTypeLabel(type: OrganisationType, t: Translate): string {
  return t(`orgType.${type}`);
}

function isMessageKey(key: string): key is MessageKey {
  return key in zh;
}

/** Known audit actions get a label; unknown ones (added later by the API) show their code. */
export function actionLabel(action: string, t: Translate): string {
  const key = `action.${action}`;
  return isMessageKey(key) ? t(key) : action;
}

export function entityTypeLabel(entityType: string, t: Translate): string {
  const key = `audit.entity.${entityType}`;
  return isMessageKey(key) ? t(key) : entityType;
}
