import { UUID_PATTERN } from '@helpdesk/contracts';

/** A problem's human number (architecture.md: PRB0000007). */
export const PROBLEM_NUMBER_PATTERN = /^PRB\d{7,}$/;

export type ProblemLookup = { id: string } | { number: string };

/** A problem named by its UUID or its number (any case); null for anything else. */
export function parseProblemRef(ref: string): ProblemLookup | null {
  const trimmed = ref.trim();
  if (UUID_PATTERN.test(trimmed)) return { id: trimmed.toLowerCase() };
  const upper = trimmed.toUpperCase();
  return PROBLEM_NUMBER_PATTERN.test(upper) ? { number: upper } : null;
}
