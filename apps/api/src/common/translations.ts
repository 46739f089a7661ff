import i18next from 'i18next';
import { addContractResources, type ErrorCode, type FieldMessage, type Language } from '@xiaoshi/contracts';

/**
 * The API's i18next instance, holding the dictionaries it shares with the web (libs/contracts
 * i18n/: error messages and generic field messages). The exception filter translates with it by
 * the request's Accept-Language.
 */
const translations = i18next.createInstance();
void translations.init({
  lng: 'zh',
  fallbackLng: 'zh',
  supportedLngs: ['zh', 'en'],
  resources: {},
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false, prefix: '{', suffix: '}' },
  initAsync: false,
});
addContractResources(translations);

/** The message of an error code, in the caller's language. */
export function errorText(code: ErrorCode, language: Language): string {
  return translations.t(code, { ns: 'errors', lng: language });
}

/** A field message, in the caller's language: a dictionary entry, or a text given in both languages. */
export function fieldMessageText(message: FieldMessage, language: Language): string {
  return 'key' in message ? translations.t(message.key, { ns: 'fields', lng: language }) : message[language];
}
