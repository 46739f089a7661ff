import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setApiLanguage } from '../api/client';
import { i18n } from './i18n';
import { zh, type MessageKey } from './zh';

export type Lang = 'zh' | 'en';
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;
type Dictionary = Record<MessageKey, string>;

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

const STORAGE_KEY = 'xiaoshi.lang';

/**
 * Chinese is the portal's first language and ships with the shell; English (as large again) is
 * fetched the first time someone switches to it, so most users never download it.
 */
const dictionaries: Partial<Record<Lang, Dictionary>> = { zh };
let loadingEnglish: Promise<Dictionary> | null = null;

function loadDictionary(lang: Lang): Promise<Dictionary> {
  const ready = dictionaries[lang];
  if (ready) return Promise.resolve(ready);
  loadingEnglish ??= import('./en').then((module) => {
    dictionaries.en = module.en;
    return module.en;
  });
  return loadingEnglish;
}

function initialLang(): Lang {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

function apply(lang: Lang, dictionary: Dictionary): void {
  setApiLanguage(lang === 'en' ? 'en' : 'zh-CN');
  // Feature dictionaries (i18next namespaces) follow the same switch.
  void i18n.changeLanguage(lang);
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  document.title = `${dictionary['app.name']} · ${dictionary['app.fullName']}`;
}

function translateWith(
  dictionary: Dictionary,
  key: MessageKey,
  vars?: Record<string, string | number>,
): string {
  const template = dictionary[key] ?? zh[key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [wanted] = useState(initialLang);
  // The language shown, with its dictionary: switching waits until the dictionary is here.
  const [current, setCurrent] = useState<{ lang: Lang; dictionary: Dictionary } | null>(() => {
    const ready = dictionaries[wanted];
    if (!ready) return null;
    apply(wanted, ready);
    return { lang: wanted, dictionary: ready };
  });

  const show = useCallback((lang: Lang) => {
    void loadDictionary(lang).then(
      (dictionary) => {
        apply(lang, dictionary);
        setCurrent({ lang, dictionary });
      },
      // The English chunk could not load (offline): stay in (or fall back to) Chinese.
      () => {
        apply('zh', zh);
        setCurrent((previous) => previous ?? { lang: 'zh', dictionary: zh });
      },
    );
  }, []);

  useEffect(() => {
    if (!current) show(wanted);
  }, [current, show, wanted]);

  const setLang = useCallback(
    (next: Lang) => {
      try {
        window.localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // Private mode: the choice lasts for this page only.
      }
      show(next);
    },
    [show],
  );
  const value = useMemo<I18nValue | null>(
    () =>
      current && {
        lang: current.lang,
        setLang,
        t: (key, vars) => translateWith(current.dictionary, key, vars),
      },
    [current, setLang],
  );
  // Only an English user's first paint waits, for a few kB.
  if (!value) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
