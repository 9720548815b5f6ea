import { RequestValidationException } from './validation-errors';

/** The ETag of a versioned resource: `"<version>"`. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The version an `If-Match` header asks for (`"3"`, `W/"3"` or `3`); undefined when absent or `*`.
 * Anything else is a 400 naming the header.
 */
export function parseIfMatchVersion(header: string | string[] | undefined): number | undefined {
  const raw = (Array.isArray(header) ? header[0] : header)?.trim();
  if (raw === undefined || raw === '' || raw === '*') return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(raw);
  if (!match) {
    throw new RequestValidationException([
      { field: 'If-Match', reason: 'If-Match must be the ETag (version) you read, e.g. "3"' },
    ]);
  }
  return Number(match[1]);
}

/** The version to check: If-Match wins over a `version` in the body; both absent means no check. */
export function expectedVersion(ifMatch: string | string[] | undefined, bodyVersion: number | undefined): number | undefined {
  return parseIfMatchVersion(ifMatch) ?? bodyVersion;
}
