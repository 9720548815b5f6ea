/** One broken rule: where (a file or an overlay), what (an object or a key) and why, in words. */
export interface Finding {
  source: string;
  subject: string;
  message: string;
}

export function formatFinding(finding: Finding): string {
  return `${finding.source}: ${finding.subject}: ${finding.message}`;
}

/** A Finding factory bound to one source, so checks read as `found(subject, message)`. */
export function findingsOf(source: string): { list: Finding[]; found: (subject: string, message: string) => void } {
  const list: Finding[] = [];
  return { list, found: (subject, message) => list.push({ source, subject, message }) };
}
