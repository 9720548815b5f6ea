import type { OpenAPIObject } from '@nestjs/swagger';
import { SERVICE_OPENAPI_PATH } from '@helpdesk/service-runtime';

/** Far above any real service's document; a bigger answer is not one. */
const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** Where a service behind `baseUrl` serves its document (the base URL's own path kept, as the forwarder does). */
export function upstreamOpenApiUrl(baseUrl: string): URL {
  return new URL(SERVICE_OPENAPI_PATH.replace(/^\//, ''), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
}

/**
 * Fetches one service's OpenAPI document, the whole exchange (connect, headers, body) within `timeoutMs`.
 * Rejects with a short reason on anything that is not an OpenAPI 3 document.
 */
export async function fetchUpstreamOpenApi(baseUrl: string, timeoutMs: number): Promise<OpenAPIObject> {
  const url = upstreamOpenApiUrl(baseUrl);
  let text: string;
  try {
    const res = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) {
      await res.body?.cancel();
      throw new Error(`${url.pathname} answered ${res.status}`);
    }
    if (Number(res.headers.get('content-length') ?? 0) > MAX_DOCUMENT_BYTES) {
      await res.body?.cancel();
      throw new Error(`${url.pathname} is larger than ${MAX_DOCUMENT_BYTES} bytes`);
    }
    text = await res.text();
  } catch (error) {
    throw new Error(describeFetchError(error, timeoutMs));
  }
  if (text.length > MAX_DOCUMENT_BYTES) throw new Error(`${url.pathname} is larger than ${MAX_DOCUMENT_BYTES} bytes`);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new Error(`${url.pathname} is not JSON`);
  }
  const candidate = document as Partial<OpenAPIObject> | null;
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    typeof candidate.openapi !== 'string' ||
    !candidate.openapi.startsWith('3.') ||
    typeof candidate.paths !== 'object' ||
    candidate.paths === null
  ) {
    throw new Error(`${url.pathname} is not an OpenAPI 3 document`);
  }
  return candidate as OpenAPIObject;
}

/** fetch() hides the reason in `cause` (ECONNREFUSED, …) and says "aborted" for a timeout. */
function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return `no answer within ${timeoutMs} ms`;
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.code) return cause.code;
  if (cause?.message) return cause.message;
  return error instanceof Error ? error.message : String(error);
}
