import { addContractResources, type Language } from '@xiaoshi/contracts';
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';

/**
 * The portal's one translation engine (i18next), for the shell, every feature and the API's
 * messages. Each feature declares its own dictionary — a namespace with zh-CN and English texts
 * side by side — next to its pages, with `defineNamespace`; enums get `defineEnum`, whose record
 * types make a value without a label a compile error. Keys are flat strings ('status.in_progress'),
 * placeholders are `{name}`; i18next's formatters work too (`{count, number}`), and an English
 * text may add a singular form as `key_one` (used when `count` is 1).
 *
 * A key with no text in any language is a bug: it is logged with console.error (the zh-CN
 * browser test fails on console errors) and i18next shows the key itself.
 */

export type Lang = Language;

const STORAGE_KEY = 'xiaoshi.lang';

function storedLang(): Lang {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  lng: typeof window === 'undefined' ? 'zh' : storedLang(),
  fallbackLng: 'zh',
  supportedLngs: ['zh', 'en'],
  resources: {},
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false, prefix: '{', suffix: '}' },
  react: { useSuspense: false },
  initAsync: false,
  saveMissing: true,
  missingKeyHandler: (_languages, ns, key) => {
    console.error(`Missing text: ${ns} ${key}`);
  },
});
// The API's error and field messages: the same dictionaries the API translates with.
addContractResources(i18n);

/** The language shown now (outside React; components use `useLang`). */
export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'zh';
}

/** The language shown; the component re-renders when it changes. */
export function useLang(): Lang {
  const { i18n: instance } = useTranslation();
  return instance.language === 'en' ? 'en' : 'zh';
}

/** Switches the whole portal (remembered in this browser). */
export function setLang(lang: Lang): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  void i18n.changeLanguage(lang);
}

/** The BCP 47 tag of a language, for Intl, `<html lang>` and Accept-Language. */
export function localeOf(lang: Lang = currentLang()): 'zh-CN' | 'en' {
  return lang === 'en' ? 'en' : 'zh-CN';
}

export type Vars = Record<string, string | number>;
/** The keys of a namespace: `KeyOf<typeof usersText>`. */
export type KeyOf<N> = N extends Namespace<infer K> ? K : never;
export type TextOf<K extends string> = (key: K, vars?: Vars) => string;

export interface Namespace<K extends string> {
  ns: string;
  /** The hook for components: re-renders when the language changes. */
  useT(): TextOf<K>;
  /** Outside React (column definitions built once, exports): reads the current language. */
  t: TextOf<K>;
  has(key: string): key is K;
}

/** English texts: exactly the Chinese keys, plus optional singular forms (`key_one`). */
export type EnglishOf<Zh> = { [K in keyof Zh]: string } & {
  [K in keyof Zh as `${K & string}_one`]?: string;
};

/**
 * Registers a feature's dictionary. English must have exactly the keys of Chinese (checked by the
 * type), so a missing translation is a compile error rather than a raw key on screen.
 */
export function defineNamespace<const Zh extends Record<string, string>>(
  ns: string,
  zh: Zh,
  en: EnglishOf<Zh>,
): Namespace<Extract<keyof Zh, string>> {
  type K = Extract<keyof Zh, string>;
  i18n.addResourceBundle('zh', ns, zh, true, true);
  i18n.addResourceBundle('en', ns, en, true, true);
  const translate = i18n.t.bind(i18n) as unknown as (key: string, options: Record<string, unknown>) => string;
  const t: TextOf<K> = (key, vars) => translate(key, { ns, ...vars });
  return {
    ns,
    useT() {
      const { t: bound } = useTranslation(ns);
      return bound as unknown as TextOf<K>;
    },
    t,
    has: (key: string): key is K => Object.hasOwn(zh, key),
  };
}

export interface EnumText<V extends string> extends Namespace<V> {
  /** Every value, in the dictionary's order (for filters and pickers). */
  values: readonly V[];
  /**
   * The label of a value in the current language. Views type some enums as plain strings, so any
   * string is accepted; one without a label is logged as a missing text (a bug to fix here).
   */
  label(value: V | (string & {})): string;
  /** The hook form of `label`, for components. */
  useLabel(): (value: V | (string & {})) => string;
  /** `{ value, label }` pairs for a select, in the current language. */
  options(values?: readonly V[]): Array<{ value: V; label: string }>;
}

/**
 * Labels of an enum: one text per value in each language. Typed against the enum's union (taken
 * from libs/contracts or libs/domain), so a value added there without a label fails to compile.
 */
export function defineEnum<V extends string>(
  ns: string,
  zh: Readonly<Record<V, string>>,
  en: Readonly<Record<V, string>>,
): EnumText<V> {
  const namespace = defineNamespace(ns, zh as Record<V, string>, en as EnglishOf<Record<V, string>>) as unknown as Namespace<V>;
  const values = Object.keys(zh) as V[];
  const label = (value: string) => namespace.t(value as V);
  return {
    ...namespace,
    values,
    label,
    useLabel() {
      const t = namespace.useT();
      return (value: string) => t(value as V);
    },
    options: (subset = values) => subset.map((value) => ({ value, label: label(value) })),
  };
}

/**
 * An enum whose labels already live in libs/domain or libs/contracts as `{ zh, en }` pairs (also
 * used there, e.g. in exports and domain messages): registered as a dictionary so the web renders
 * them through i18next like every other text. English labels are capitalised (the domain writes
 * some as lower-case phrases for use inside sentences).
 */
export function defineEnumFromTable<V extends string>(
  ns: string,
  table: Readonly<Record<V, { zh: string; en: string }>>,
): EnumText<V> {
  const entries = Object.entries(table) as Array<[V, { zh: string; en: string }]>;
  const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  return defineEnum<V>(
    ns,
    Object.fromEntries(entries.map(([value, label]) => [value, label.zh])) as Record<V, string>,
    Object.fromEntries(entries.map(([value, label]) => [value, capitalise(label.en)])) as Record<V, string>,
  );
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number the way the current language writes it (12,600 / 12,600.5). */
export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}, lang = currentLang()): string {
  const key = `${lang}:${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(localeOf(lang), options);
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** A fraction as a percentage with at most `digits` decimals: 0.4567 → '45.67%'. */
export function formatPercent(fraction: number, digits = 2, lang = currentLang()): string {
  return formatNumber(fraction, { style: 'percent', maximumFractionDigits: digits }, lang);
}
