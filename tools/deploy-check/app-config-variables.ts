import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SHARED_CONFIG = 'libs/config/src/service.config.ts';

/** Read by Node itself or by the OpenTelemetry SDK's conventions rather than by a config class. */
const RUNTIME_VARIABLE = /^(NODE_OPTIONS|NODE_EXTRA_CA_CERTS|TZ|OTEL_[A-Z0-9_]+)$/;

/** Would the app (or its runtime) read this variable? */
export function readsVariable(variables: Set<string>, name: string): boolean {
  return variables.has(name) || RUNTIME_VARIABLE.test(name);
}

/**
 * The environment variables an app reads: the properties of ServiceConfig and of its own config class
 * (apps/<app>/src/config/*.config.ts), which libs/config names after the variables. Read as text, as a
 * tooling project may not import apps. A variable set in a manifest that is not here is a typo or a
 * leftover: the app would ignore it.
 */
export function appConfigVariables(root: string, app: string): Set<string> {
  const configDir = join(root, 'apps', app, 'src', 'config');
  const files = [join(root, SHARED_CONFIG)];
  if (existsSync(configDir)) {
    files.push(
      ...readdirSync(configDir)
        .filter((f) => f.endsWith('.config.ts'))
        .map((f) => join(configDir, f)),
    );
  }
  const names = new Set<string>();
  const property = /^\s+(?:override\s+)?([A-Z][A-Z0-9_]*)\??\s*[:=]/gm;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (let match = property.exec(text); match; match = property.exec(text)) names.add(match[1]);
  }
  return names;
}
