import type { ArticleLanguage, ProblemRef } from '@helpdesk/contracts';

/** What a draft from an incident takes from it. */
export interface IncidentText {
  shortDescription: string;
  description: string;
  resolutionNotes: string | null;
}

const TITLE_MAX = 200;

/** A title within the article limit (code points, so an emoji is never cut in half). */
export function articleTitle(text: string): string {
  const chars = [...text.trim()];
  return chars.length <= TITLE_MAX ? chars.join('') : `${chars.slice(0, TITLE_MAX - 1).join('')}…`;
}

const HEADINGS = {
  ja: { symptoms: '症状', cause: '原因', workaround: '回避策', resolution: '解決方法', unknown: '（未記入）' },
  en: { symptoms: 'Symptoms', cause: 'Cause', workaround: 'Workaround', resolution: 'Resolution', unknown: '(not recorded)' },
} as const;

function section(heading: string, text: string): string {
  return `## ${heading}\n\n${text.trim()}\n`;
}

/** A draft from a resolved incident: what the caller saw, and how it was fixed. */
export function incidentDraftBody(incident: IncidentText, language: ArticleLanguage): string {
  const h = HEADINGS[language];
  const symptoms = incident.description.trim() || incident.shortDescription;
  return [section(h.symptoms, symptoms), section(h.resolution, incident.resolutionNotes?.trim() || h.unknown)].join('\n');
}

/** A draft from a known error: the symptom (the problem's title), root cause and workaround. */
export function knownErrorDraftBody(
  problem: Pick<ProblemRef, 'title' | 'rootCause' | 'workaround'>,
  language: ArticleLanguage,
): string {
  const h = HEADINGS[language];
  return [
    section(h.symptoms, problem.title),
    section(h.cause, problem.rootCause?.trim() || h.unknown),
    section(h.workaround, problem.workaround?.trim() || h.unknown),
  ].join('\n');
}
