import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { checkComposeFile } from './compose-check';
import { repositoryFacts, repositoryRoot } from './deploy-check';

// docker/compose.yaml against the Compose Specification and our rules; each broken copy must fail.
const root = repositoryRoot();
const facts = repositoryFacts(root);
const composePath = join(root, 'docker', 'compose.yaml');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'compose-check-'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Compose = { services: Record<string, Record<string, unknown>> };

/** Messages for a copy of the real compose file (merge keys resolved) after `breakIt` changed it. */
function messagesAfter(breakIt: (compose: Compose) => void): string[] {
  const compose = parse(readFileSync(composePath, 'utf8'), { merge: true }) as Compose;
  breakIt(compose);
  const path = join(dir, 'compose.yaml');
  writeFileSync(path, stringify(compose));
  return checkComposeFile(path, facts).map((f) => `${f.subject}: ${f.message}`);
}

describe('compose file check', () => {
  it('passes docker/compose.yaml', () => {
    expect(checkComposeFile(composePath, facts)).toEqual([]);
  });

  it('fails a key the Compose Specification does not have, naming it', () => {
    const messages = messagesAfter((compose) => {
      compose.services['incident-service'].healthchek = compose.services['incident-service'].healthcheck;
    });
    expect(messages).toEqual(["/services/incident-service: unknown key 'healthchek' (not in the Compose Specification)"]);
  });

  it('fails a value of the wrong type', () => {
    const messages = messagesAfter((compose) => {
      compose.services.postgres.restart = { policy: 'always' };
    });
    expect(messages).toEqual(['/services/postgres/restart: Compose Specification: must be string']);
  });

  it('fails an app without a healthcheck, without healthy dependencies, or with a variable it does not read', () => {
    const messages = messagesAfter((compose) => {
      const service = compose.services['asset-service'];
      delete service.healthcheck;
      service.depends_on = ['postgres', 'kafka'];
      (service.environment as Record<string, string>).ASSET_IMPORT_LIMIT = '5';
    });
    expect(messages).toEqual([
      'services/asset-service: has no healthcheck',
      'services/asset-service: must depend on postgres with condition: service_healthy',
      'services/asset-service: must depend on kafka with condition: service_healthy',
      'services/asset-service: sets ASSET_IMPORT_LIMIT, which asset-service does not read (not in ServiceConfig or apps/asset-service/src/config)',
    ]);
  });

  it('fails a missing app, migrations turned off, or a gateway that does not seed the demo', () => {
    const messages = messagesAfter((compose) => {
      delete compose.services['reporting-service'];
      delete (compose.services['api-gateway'].depends_on as Record<string, unknown>)['reporting-service'];
      const gateway = compose.services['api-gateway'].environment as Record<string, string>;
      gateway.DB_MIGRATIONS_RUN = 'false';
      gateway.SEED_DEMO = 'false';
    });
    expect(messages).toEqual([
      'services/api-gateway: turns migrations off; nothing else runs them in compose',
      'services/api-gateway: must seed the demo directory (SEED_DEMO true by default)',
      'services: has no service reporting-service (every app of tools/platform/platform-apps.ts runs in compose)',
    ]);
  });
});
