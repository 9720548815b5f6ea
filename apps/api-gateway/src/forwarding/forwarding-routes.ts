import { GatewayConfig } from '../config/gateway.config';

export type UpstreamName = 'incident' | 'problem' | 'knowledge-base' | 'asset' | 'reporting' | 'custom';

/** A public path pattern (below /api/v1) and the service that owns it. `:x` matches one segment. */
export interface ForwardRule {
  pattern: string;
  upstream: UpstreamName;
}

/** Which service answers which public paths (api.md); the base URLs come from config. */
export const FORWARD_RULES: readonly ForwardRule[] = [
  { pattern: '/incidents', upstream: 'incident' },
  { pattern: '/catalog', upstream: 'incident' },
  { pattern: '/requests', upstream: 'incident' },
  { pattern: '/sla-policies', upstream: 'incident' },
  { pattern: '/calendars', upstream: 'incident' },
  { pattern: '/routing-rules', upstream: 'incident' },
  { pattern: '/categories', upstream: 'incident' },
  { pattern: '/imports', upstream: 'incident' },
  { pattern: '/problems', upstream: 'problem' },
  { pattern: '/known-errors', upstream: 'problem' },
  { pattern: '/kb', upstream: 'knowledge-base' },
  { pattern: '/assets', upstream: 'asset' },
  { pattern: '/licences', upstream: 'asset' },
  { pattern: '/users/:id/assets', upstream: 'asset' },
  { pattern: '/me/assets', upstream: 'asset' },
  { pattern: '/reports', upstream: 'reporting' },
];

export interface ForwardTarget {
  upstream: UpstreamName;
  /** Base URL of the service; the full public path (with /api/v1) and query are appended. */
  baseUrl: string;
  pattern: string;
}

interface CompiledRule extends ForwardTarget {
  segments: string[];
}

/** Matches request paths against the rules; the most specific rule wins. */
export class ForwardingTable {
  private readonly rules: CompiledRule[];

  constructor(
    rules: readonly ForwardTarget[],
    /** The public API prefix the rule patterns are below. */
    readonly publicPrefix = '/api/v1',
  ) {
    this.rules = rules
      .map((r) => ({ ...r, segments: r.pattern.split('/').filter(Boolean) }))
      .sort((a, b) => b.segments.length - a.segments.length);
  }

  static fromConfig(config: GatewayConfig, rules: readonly ForwardRule[] = FORWARD_RULES): ForwardingTable {
    const bases: Record<UpstreamName, string> = {
      incident: config.INCIDENT_SERVICE_URL,
      problem: config.PROBLEM_SERVICE_URL,
      'knowledge-base': config.KNOWLEDGE_BASE_SERVICE_URL,
      asset: config.ASSET_SERVICE_URL,
      reporting: config.REPORTING_SERVICE_URL,
      custom: '',
    };
    const overrides = parseForwardRoutes(config.FORWARD_ROUTES);
    const overridden = new Set(overrides.map((o) => o.pattern));
    const targets: ForwardTarget[] = [
      ...rules
        .filter((r) => !overridden.has(r.pattern))
        .map((r) => ({ pattern: r.pattern, upstream: r.upstream, baseUrl: bases[r.upstream] })),
      ...overrides,
    ];
    return new ForwardingTable(targets);
  }

  get targets(): readonly ForwardTarget[] {
    return this.rules.map(({ segments: _segments, ...target }) => target);
  }

  /** The target for a request path (query ignored), or null when the gateway answers it itself. */
  match(path: string): ForwardTarget | null {
    const pathOnly = path.split('?')[0];
    if (pathOnly !== this.publicPrefix && !pathOnly.startsWith(`${this.publicPrefix}/`)) return null;
    const segments = pathOnly.slice(this.publicPrefix.length).split('/').filter(Boolean);
    for (const rule of this.rules) {
      if (segments.length < rule.segments.length) continue;
      if (rule.segments.every((s, i) => s.startsWith(':') || s === segments[i])) {
        return { upstream: rule.upstream, baseUrl: rule.baseUrl, pattern: rule.pattern };
      }
    }
    return null;
  }
}

/** `/incidents=http://a:3000,/kb=http://b:3000` → custom rules. */
export function parseForwardRoutes(value: string): ForwardTarget[] {
  return value
    .split(',')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf('=');
      return { pattern: pair.slice(0, at), baseUrl: pair.slice(at + 1), upstream: 'custom' as const };
    });
}
