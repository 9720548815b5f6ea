import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../..');
const DASHBOARD = join(ROOT, 'docs/grafana/helpdesk-dashboard.json');

/** Every .ts file below dir that is not a spec. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'test') return [];
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The Prometheus metrics the code defines (prom-client Histogram/Counter/Gauge, counterIn/gaugeIn), by name. */
function definedMetrics(): Set<string> {
  const names = new Set<string>();
  for (const file of [...sources(join(ROOT, 'libs')), ...sources(join(ROOT, 'apps'))]) {
    const text = readFileSync(file, 'utf8');
    if (!/new (Histogram|Counter|Gauge)\b|counterIn\(|gaugeIn\(/.test(text)) continue;
    for (const match of text.matchAll(/\bname: '([a-z][a-z0-9_]*)'/g)) names.add(match[1]);
  }
  return names;
}

describe('docs/grafana/helpdesk-dashboard.json', () => {
  const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as {
    panels: Array<{ title: string; targets?: Array<{ expr: string }> }>;
    templating: { list: Array<{ definition?: string }> };
  };
  const queries = [
    ...dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => ({ where: p.title, expr: t.expr }))),
    ...dashboard.templating.list.filter((v) => v.definition).map((v) => ({ where: 'variable', expr: v.definition! })),
  ];

  it('queries only metrics the services really expose', () => {
    const defined = definedMetrics();
    expect(defined).toContain('http_request_duration_seconds'); // the scan itself works
    const used = queries.flatMap(({ where, expr }) =>
      [...expr.matchAll(/\b([a-z][a-z0-9]*(?:_[a-z0-9]+)+)(?=\s*[{[(])/g)]
        .map((m) => m[1])
        .filter((name) => !['histogram_quantile', 'label_values'].includes(name))
        .map((name) => ({ where, metric: name.replace(/_(bucket|count|sum)$/, '') })),
    );
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((u) => !defined.has(u.metric))).toEqual([]);
  });

  it('covers request rate and latency, outbox lag, consumer lag and dead letters', () => {
    const all = queries.map((q) => q.expr).join('\n');
    for (const metric of [
      'http_request_duration_seconds_count',
      'http_request_duration_seconds_bucket',
      'outbox_oldest_unsent_age_seconds',
      'kafka_consumer_lag_messages',
      'kafka_consumer_dead_lettered_total',
    ]) {
      expect(all).toContain(metric);
    }
  });
});
