import { ROLES } from '@xiaoshi/contracts';
import type { Lang } from '../../i18n/I18nProvider';
import { roleLabel } from '../../i18n/labels';

export function roleOptions(lang: Lang) {
  return ROLES.map((role) => ({ value: role, label: roleLabel(role, lang) }));
}
