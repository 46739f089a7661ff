import { ROLES } from '@xiaoshi/contracts';
import { roleText } from '../../i18n/enums';

/** The roles as select options, in the language shown. */
export function roleOptions() {
  return ROLES.map((role) => ({ value: role, label: roleText.label(role) }));
}
