import { ERROR_MESSAGES } from './errors.js';
import { FIELD_MESSAGES } from './fields.js';

export { ERROR_MESSAGES } from './errors.js';
export { FIELD_MESSAGES, isFieldMessageKey, type FieldMessageKey } from './fields.js';

/** The languages both tiers speak: i18next language codes (the web's `zh-CN` maps to `zh`). */
export type Language = 'zh' | 'en';

/** The dictionaries the API and the web share, by i18next namespace. */
export const CONTRACT_NAMESPACES = { errors: ERROR_MESSAGES, fields: FIELD_MESSAGES } as const;

/** The part of an i18next instance that registering resources needs (contracts do not depend on i18next). */
export interface ResourceTarget {
  addResourceBundle(lng: string, ns: string, resources: object, deep?: boolean, overwrite?: boolean): unknown;
}

/** Adds the shared dictionaries to an i18next instance (the API's, or the web's). */
export function addContractResources(target: ResourceTarget): void {
  for (const [ns, texts] of Object.entries(CONTRACT_NAMESPACES)) {
    target.addResourceBundle('zh', ns, texts.zh, true, true);
    target.addResourceBundle('en', ns, texts.en, true, true);
  }
}
