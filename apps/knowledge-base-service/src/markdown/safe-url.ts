/** Schemes a link in an article may use; anything else (javascript:, vbscript:, data:, file:, …) is refused. */
export const LINK_SCHEMES = ['http', 'https', 'mailto'] as const;
/** Images load by themselves, so only web addresses (no data: URLs, no mailto:). */
export const IMAGE_SCHEMES = ['http', 'https'] as const;

export type UrlKind = 'link' | 'image';

// Browsers drop ASCII tabs and newlines anywhere in a URL and leading/trailing controls and spaces
// ("java\tscript:" is javascript:), so the scheme is read from what the browser would see.
const IGNORED_BY_BROWSERS = /[\u0000-\u0020\u007f]/g;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * Whether a link or image URL is safe to put in an article's HTML: an allowed scheme, or a relative
 * address (`/kb/articles/KB0000123`, `#steps`, `../x`). A URL whose scheme hides behind an entity or
 * percent escape never reaches here undecoded: markdown-it decodes entities before it validates.
 */
export function isSafeUrl(url: string, kind: UrlKind): boolean {
  const visible = url.replace(IGNORED_BY_BROWSERS, '');
  const scheme = SCHEME.exec(visible)?.[1]?.toLowerCase();
  if (scheme === undefined) return !visible.includes(':') || visible.indexOf(':') > firstPathDelimiter(visible);
  const allowed: readonly string[] = kind === 'image' ? IMAGE_SCHEMES : LINK_SCHEMES;
  return allowed.includes(scheme);
}

/** A colon after the first `/`, `?` or `#` belongs to a relative path or query, not to a scheme. */
function firstPathDelimiter(url: string): number {
  const positions = ['/', '?', '#'].map((c) => url.indexOf(c)).filter((i) => i >= 0);
  return positions.length ? Math.min(...positions) : Number.POSITIVE_INFINITY;
}
