import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';

/**
 * The portal's one translation engine (i18next). Each feature declares its own dictionary — a
 * namespace with zh-CN and English texts side by side — next to its pages, with `defineNamespace`.
 * Keys are flat strings ('status.in_progress'), placeholders are `{name}`.
 */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  lng: 'zh',
  fallbackLng: 'zh',
  supportedLngs: ['zh', 'en'],
  resources: {},
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false, prefix: '{', suffix: '}' },
  react: { useSuspense: false },
  initAsync: false,
});

export type Vars = Record<string, string | number>;
export type TextOf<K extends string> = (key: K, vars?: Vars) => string;

export interface Namespace<K extends string> {
  ns: string;
  /** The hook for components: re-renders when the language changes. */
  useT(): TextOf<K>;
  /** Outside React (column definitions built once, exports): reads the current language. */
  t: TextOf<K>;
  has(key: string): key is K;
}

/**
 * Registers a feature's dictionary. English must have exactly the keys of Chinese (checked by the
 * type), so a missing translation is a compile error rather than a raw key on screen.
 */
export function defineNamespace<const Zh extends Record<string, string>>(
  ns: string,
  zh: Zh,
  en: { [K in keyof Zh]: string },
): Namespace<Extract<keyof Zh, string>> {
  type K = Extract<keyof Zh, string>;
  i18n.addResourceBundle('zh', ns, zh, true, true);
  i18n.addResourceBundle('en', ns, en, true, true);
  const translate = i18n.t.bind(i18n) as unknown as (key: string, options: Record<string, unknown>) => string;
  const t: TextOf<K> = (key, vars) => translate(key, { ns, ...vars });
  return {
    ns,
    useT() {
      const { t: translate } = useTranslation(ns);
      return translate as unknown as TextOf<K>;
    },
    t,
    has: (key: string): key is K => key in zh,
  };
}
