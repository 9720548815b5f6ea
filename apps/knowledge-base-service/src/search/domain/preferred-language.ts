import { ArticleLanguage } from '@helpdesk/contracts';

const JAPANESE = /[\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Han}]/u;
// A word of two letters or more: "0x80070005" says nothing about the reader's language.
const LATIN = /[a-z]{2,}/i;

/** The language a reader most likely wants: Japanese if they typed any, else English if they typed letters, else their locale's. */
export function preferredLanguage(text: string, locale: string | undefined): ArticleLanguage {
  if (JAPANESE.test(text)) return 'ja';
  if (LATIN.test(text)) return 'en';
  return locale?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
