// Bilingual text: every user-facing string in the catalogue and the reports exists in Chinese and English.
export type Lang = 'zh' | 'en';

export const LANGS: readonly Lang[] = ['zh', 'en'];

export interface Text {
  zh: string;
  en: string;
}

/** Picks the text in the requested language, falling back to the other when one is empty. */
export function pick(text: Text | undefined, lang: Lang): string {
  if (!text) return '';
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  return text[lang] || text[other] || '';
}

/** Builds a Text from a Chinese and an English string. */
export function t(zh: string, en: string): Text {
  return { zh, en };
}

export function isLang(value: string): value is Lang {
  return value === 'zh' || value === 'en';
}
