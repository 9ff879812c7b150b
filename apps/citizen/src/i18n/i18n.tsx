import { formatNoticeNumber } from '@pagamenti/pagopa';
import { useCallback } from 'react';
import { type Language, setLanguage, useLanguage } from './language';
import { en, it, type MessageKey } from './messages';

export type { MessageKey } from './messages';
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { it, en };

export function translate(language: Language, key: MessageKey, values: Record<string, string | number> = {}) {
  return DICTIONARIES[language][key].replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}

/** `t(key, values)` in the current language, and the language itself. */
export function useT(): { t: Translate; language: Language } {
  const language = useLanguage();
  const t = useCallback<Translate>((key, values) => translate(language, key, values), [language]);
  return { t, language };
}

/** A text of the dictionary as an element: for labels built outside components (the main menu). */
export function T({ k }: { k: MessageKey }) {
  return <>{useT().t(k)}</>;
}

/** "English" in Italian pages, "Italiano" in English ones, written in the language it switches to. */
export function LanguageSwitch() {
  const { t, language } = useT();
  const other: Language = language === 'it' ? 'en' : 'it';
  return (
    <button
      type="button"
      className="btn btn-sm btn-outline-light"
      lang={other}
      aria-label={t('language.switchLabel')}
      onClick={() => setLanguage(other)}
    >
      {t('language.switch')}
    </button>
  );
}

/** `3120 0000 …`: notice numbers as printed. */
export const printedNoticeNumber = formatNoticeNumber;
