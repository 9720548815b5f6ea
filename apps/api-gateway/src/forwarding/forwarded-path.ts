/**
 * Why a request path must not be forwarded, or null when it is safe. The forwarder matches rules on the
 * path as it arrived, and WHATWG URL parsing resolves dot segments (also percent-encoded ones, `%2e`)
 * and treats `\` as `/`, so `/api/v1/kb/%2e%2e/%2e%2e/metrics` would reach another path of the
 * upstream than the rule allowed. Such paths are refused outright rather than normalised.
 */
export function unsafePathReason(pathAndQuery: string): string | null {
  const path = pathAndQuery.split('?')[0];
  if (path.includes('\\') || /%5c/i.test(path)) return 'path must not contain backslashes';
  if (/%2f/i.test(path)) return 'path must not contain encoded slashes (%2F)';
  for (const segment of path.split('/')) {
    const decoded = segment.replace(/[\t\n\r]/g, '').replace(/%2e/gi, '.');
    if (decoded === '.' || decoded === '..') return 'path must not contain . or .. segments';
  }
  return null;
}
