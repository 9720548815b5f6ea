import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { ErrorObject } from 'ajv';
import { parseDocument } from 'yaml';
import { readsVariable } from './app-config-variables';
import { Finding, findingsOf } from './finding';
import { PlatformApp } from './platform-topology';

/** The official Compose Specification schema (compose-spec/README.md says where it comes from). */
const COMPOSE_SPEC = JSON.parse(readFileSync(join(__dirname, 'compose-spec', 'compose-spec.json'), 'utf8')) as Record<
  string,
  unknown
>;

// Its $schema (https://json-schema.org/draft-07/schema) is draft-07 under a URL Ajv does not know by that
// name, and it uses annotations (deprecated) that strict mode rejects.
const { $schema: _ignored, ...composeSpecSchema } = COMPOSE_SPEC;
const validateComposeSpec = new Ajv({ allErrors: true, strict: false }).compile(composeSpecSchema);

export interface ComposeContext {
  apps: PlatformApp[];
  configVariables: Map<string, Set<string>>;
}

interface ComposeService {
  build?: string | { args?: Record<string, unknown> | string[] };
  healthcheck?: { test?: unknown; disable?: boolean };
  depends_on?: string[] | Record<string, { condition?: string }>;
  environment?: Record<string, unknown> | string[];
}

/**
 * docker/compose.yaml: valid against the Compose Specification (merge keys resolved, as Compose does),
 * and runnable with one `docker compose up`: every app built from the Dockerfile, health-checked, waiting
 * for healthy PostgreSQL and Kafka, migrations on, the gateway seeding the demo, and no variable an app
 * would not read.
 */
export function checkComposeFile(path: string, context: ComposeContext): Finding[] {
  const { list, found } = findingsOf(path);
  const document = parseDocument(readFileSync(path, 'utf8'), { merge: true });
  if (document.errors.length > 0) {
    found('file', `not valid YAML: ${document.errors[0].message}`);
    return list;
  }
  const compose: unknown = document.toJS({ maxAliasCount: -1 });
  if (!validateComposeSpec(compose)) {
    for (const error of relevantErrors(validateComposeSpec.errors ?? [])) found(error.instancePath || '/', describeError(error));
    return list;
  }
  const services = (compose as { services?: Record<string, ComposeService> }).services ?? {};
  for (const infrastructure of ['postgres', 'kafka']) {
    if (!services[infrastructure]) found(`services`, `has no ${infrastructure} service`);
    else if (!services[infrastructure].healthcheck?.test) found(`services/${infrastructure}`, 'has no healthcheck');
  }
  for (const app of context.apps) {
    const service = services[app.name];
    const subject = `services/${app.name}`;
    if (!service) {
      found('services', `has no service ${app.name} (every app of tools/platform/platform-apps.ts runs in compose)`);
      continue;
    }
    const args = typeof service.build === 'object' ? service.build.args : undefined;
    const buildApp = Array.isArray(args) ? args.find((a) => a.startsWith('APP='))?.slice(4) : args?.APP;
    if (buildApp !== app.name) found(subject, `must be built from docker/Dockerfile with build.args.APP: ${app.name}`);
    if (!service.healthcheck?.test || service.healthcheck.disable) found(subject, 'has no healthcheck');
    const dependsOn = Array.isArray(service.depends_on) ? {} : (service.depends_on ?? {});
    for (const infrastructure of ['postgres', 'kafka']) {
      if (dependsOn[infrastructure]?.condition !== 'service_healthy') {
        found(subject, `must depend on ${infrastructure} with condition: service_healthy`);
      }
    }
    const environment = environmentOf(service);
    if (environment.DB_MIGRATIONS_RUN === 'false') found(subject, 'turns migrations off; nothing else runs them in compose');
    if (app.name === 'api-gateway' && !/^(\$\{SEED_DEMO:-)?true\}?$/.test(environment.SEED_DEMO ?? '')) {
      found(subject, 'must seed the demo directory (SEED_DEMO true by default)');
    }
    const variables = context.configVariables.get(app.name);
    for (const name of Object.keys(environment).filter((n) => variables && !readsVariable(variables, n))) {
      found(subject, `sets ${name}, which ${app.name} does not read (not in ServiceConfig or apps/${app.name}/src/config)`);
    }
  }
  return list;
}

function environmentOf(service: ComposeService): Record<string, string> {
  const environment = service.environment ?? {};
  if (Array.isArray(environment)) {
    return Object.fromEntries(environment.map((entry) => [entry.split('=')[0], entry.slice(entry.indexOf('=') + 1)]));
  }
  return Object.fromEntries(Object.entries(environment).map(([key, value]) => [key, String(value ?? '')]));
}

/** An unknown key is the clearest message; oneOf/anyOf summaries only repeat what their branches said. */
function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  const specific = errors.filter((e) => !['oneOf', 'anyOf', 'if'].includes(e.keyword));
  const unknownKeys = specific.filter((e) => e.keyword === 'additionalProperties');
  const chosen = unknownKeys.length > 0 ? unknownKeys : specific.length > 0 ? specific : errors;
  const unique = new Map(chosen.map((e) => [`${e.instancePath} ${describeError(e)}`, e]));
  return [...unique.values()];
}

function describeError(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') {
    return `unknown key '${String(error.params.additionalProperty)}' (not in the Compose Specification)`;
  }
  return `Compose Specification: ${error.message ?? error.keyword}`;
}
