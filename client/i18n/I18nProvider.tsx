/** The interface language as React context, remembered per browser in localStorage. */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { LocalizedText } from '../../shared/template.ts';
import {
  DEFAULT_LANGUAGE,
  isLanguage,
  type Language,
  type MessageKey,
  type MessageParams,
  translate,
} from './messages.ts';

const STORAGE_KEY = 'samtavla.language';

export interface I18n {
  lang: Language;
  setLang(lang: Language): void;
  /** An interface string in the current language. */
  t(key: MessageKey, params?: MessageParams): string;
  /** Template text (focus areas, goals) in the current language. */
  pick(text: LocalizedText): string;
}

const I18nContext = createContext<I18n | null>(null);

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(storedLanguage);

  const setLang = useCallback((next: Language) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private browsing may refuse storage; the choice then lasts for this page only.
    }
  }, []);

  // Screen readers and hyphenation follow the page's lang attribute.
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      pick: (text) => text[lang],
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n() needs an <I18nProvider> above it');
  return value;
}
