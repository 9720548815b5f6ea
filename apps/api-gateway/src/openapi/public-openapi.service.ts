import { Logger } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ForwardingTable, UpstreamName } from '../forwarding/forwarding-routes';
import { mergeOpenApiDocuments } from './openapi-merge';
import { fetchUpstreamOpenApi } from './upstream-openapi.client';

/** One distinct upstream base URL of the forwarding table and the public paths it is sent. */
export interface UpstreamSource {
  name: string;
  baseUrl: string;
  owns: (path: string) => boolean;
}

export interface PublicOpenApiOptions {
  /** How long a merged document is served before the next request refreshes it in the background. */
  cacheTtlMs: number;
  /** Per upstream, for the whole fetch. */
  fetchTimeoutMs: number;
  fetchDocument?: (baseUrl: string, timeoutMs: number) => Promise<OpenAPIObject>;
  now?: () => number;
}

/**
 * The upstreams to ask for documents: one per distinct base URL (several rules usually share one),
 * named after the first service that URL serves (`custom` for FORWARD_ROUTES ones, numbered if repeated).
 * A path counts as the upstream's only if the forwarding table sends it there.
 */
export function upstreamSources(table: ForwardingTable): UpstreamSource[] {
  const upstreamsByBase = new Map<string, UpstreamName[]>();
  for (const target of table.targets) {
    if (!target.baseUrl) continue;
    const names = upstreamsByBase.get(target.baseUrl) ?? [];
    names.push(target.upstream);
    upstreamsByBase.set(target.baseUrl, names);
  }
  const used = new Set<string>();
  return [...upstreamsByBase].map(([baseUrl, names]) => {
    const preferred = names.find((n) => n !== 'custom') ?? 'custom';
    let name = preferred;
    for (let n = 2; used.has(name); n++) name = `${preferred}-${n}`;
    used.add(name);
    return { name, baseUrl, owns: (path: string) => table.match(path)?.baseUrl === baseUrl };
  });
}

/**
 * The public OpenAPI document: the gateway's own plus every upstream's, merged. Served from a cache; a
 * request after `cacheTtlMs` still gets the cached one at once and starts a refresh in the background
 * (one at a time). Only the very first request waits, at most `fetchTimeoutMs`. An upstream that does
 * not answer is left out with a warning (once per outage) and named in the description; its paths come
 * back with the first refresh after it answers again. Never throws.
 */
export class PublicOpenApiService {
  private readonly logger = new Logger(PublicOpenApiService.name);
  private readonly fetchDocument: NonNullable<PublicOpenApiOptions['fetchDocument']>;
  private readonly now: () => number;
  private cached?: { document: OpenAPIObject; at: number };
  private refreshing?: Promise<OpenAPIObject>;
  /** Upstreams that failed last time, so an outage is logged once rather than on every refresh. */
  private readonly failing = new Set<string>();
  /** What was last reported as dropped or skipped per upstream, for the same reason. */
  private readonly reported = new Map<string, string>();

  constructor(
    private readonly own: OpenAPIObject,
    private readonly upstreams: readonly UpstreamSource[],
    private readonly options: PublicOpenApiOptions,
  ) {
    this.fetchDocument = options.fetchDocument ?? fetchUpstreamOpenApi;
    this.now = options.now ?? Date.now;
  }

  async document(): Promise<OpenAPIObject> {
    if (!this.cached) return this.refresh();
    if (this.now() - this.cached.at >= this.options.cacheTtlMs) void this.refresh();
    return this.cached.document;
  }

  /** Fetches every upstream and merges; concurrent callers share the one refresh in flight. */
  refresh(): Promise<OpenAPIObject> {
    this.refreshing ??= this.build()
      .catch((error: unknown) => {
        // build() handles upstream and merge failures itself; this only keeps the document answering 200.
        this.logger.error(error instanceof Error ? error : String(error));
        return this.cached?.document ?? this.own;
      })
      .finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async build(): Promise<OpenAPIObject> {
    const fetched = await Promise.all(
      this.upstreams.map(async (upstream) => {
        try {
          const document = await this.fetchDocument(upstream.baseUrl, this.options.fetchTimeoutMs);
          if (this.failing.delete(upstream.name))
            this.logger.log(`${upstream.name} (${upstream.baseUrl}) answers again: its paths are back`);
          return { upstream, document };
        } catch (error) {
          if (!this.failing.has(upstream.name)) {
            this.failing.add(upstream.name);
            const reason = error instanceof Error ? error.message : String(error);
            this.logger.warn(
              `${upstream.name} (${upstream.baseUrl}): no OpenAPI document (${reason}); its paths are left out until it answers`,
            );
          }
          return { upstream, document: undefined };
        }
      }),
    );
    const result = mergeOpenApiDocuments(
      this.own,
      fetched.flatMap(({ upstream, document }) => (document ? [{ name: upstream.name, owns: upstream.owns, document }] : [])),
    );
    this.report(result.dropped, result.skipped);
    const document = this.withUnavailableNote(
      result.document,
      fetched.filter((f) => !f.document).map((f) => f.upstream.name),
    );
    this.cached = { document, at: this.now() };
    return document;
  }

  private report(dropped: { upstream: string; path: string }[], skipped: { upstream: string; reason: string }[]): void {
    for (const upstream of this.upstreams) {
      const paths = dropped.filter((d) => d.upstream === upstream.name).map((d) => d.path);
      const skip = skipped.find((s) => s.upstream === upstream.name);
      const summary = skip ? `skipped: ${skip.reason}` : paths.length ? `dropped: ${paths.join(', ')}` : '';
      if (summary && this.reported.get(upstream.name) !== summary) {
        this.logger.warn(
          skip
            ? `${upstream.name}: its OpenAPI document could not be merged (${skip.reason}); left out`
            : `${upstream.name}: paths it does not own were left out of the public document: ${paths.join(', ')}`,
        );
      }
      this.reported.set(upstream.name, summary);
    }
  }

  /** Readers of the document should know a service is missing from it, not that it has no paths. */
  private withUnavailableNote(document: OpenAPIObject, unavailable: string[]): OpenAPIObject {
    if (unavailable.length === 0) return document;
    const note = `Not described right now (the service did not answer): ${unavailable.join(', ')}.`;
    const description = document.info.description ? `${document.info.description}\n\n${note}` : note;
    return { ...document, info: { ...document.info, description } };
  }
}
