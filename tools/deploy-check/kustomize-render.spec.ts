import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { checkOverlays, renderOverlay, repositoryFacts, repositoryRoot } from './deploy-check';
import { formatFinding } from './finding';
import { findKubectl, KubectlNotFoundError, renderKustomization } from './kustomize-render';

// The whole overlay path: kubectl kustomize, then the schemas (kubernetes-models in its child process,
// our KafkaTopic schema) and the rules, on a throw-away overlay over the real base with broken objects.
const root = repositoryRoot();
const facts = repositoryFacts(root);
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'deploy-check-'));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('kubectl', () => {
  it('is looked up on PATH or in KUBECTL, with a clear message when it is missing', () => {
    expect(() => findKubectl({ PATH: '/nonexistent' })).toThrow(KubectlNotFoundError);
    expect(() => findKubectl({ PATH: '/nonexistent' })).toThrow(
      /kubectl was not found \(not on PATH=\/nonexistent\).*install kubectl/,
    );
    expect(() => findKubectl({ KUBECTL: join(dir, 'kubectl'), PATH: process.env.PATH })).toThrow(
      /KUBECTL=.* is not an executable file/,
    );
  });

  it("reports a kustomization that does not build with kubectl's own message", () => {
    writeFileSync(join(dir, 'kustomization.yaml'), 'resources:\n  - missing.yaml\n');
    expect(() => renderKustomization(dir)).toThrow(/`kubectl kustomize .*` failed \(exit 1\):\n.*missing\.yaml/s);
  });
});

describe('an overlay with broken objects', () => {
  it('fails the schema check (wrong types) and the rules (no readiness probe)', () => {
    writeFileSync(
      join(dir, 'kustomization.yaml'),
      `resources:
  - ${relative(dir, join(root, 'k8s', 'base'))}
  - ${relative(dir, join(root, 'k8s', 'kafka-topics'))}
patches:
  - target: { kind: Deployment, name: incident-service }
    patch: |-
      - op: remove
        path: /spec/template/spec/containers/0/readinessProbe
      - op: replace
        path: /spec/template/spec/containers/0/ports/0/containerPort
        value: http-port
      - op: replace
        path: /spec/template/spec/containers/0/resources/limits/memory
        value: lots
  - target: { kind: KafkaTopic, name: helpdesk.asset.ci.v1 }
    patch: |-
      - op: replace
        path: /spec/partitions
        value: twelve
      - op: add
        path: /spec/partitons
        value: 12
`,
    );
    const overlay = renderOverlay(dir, facts, false);
    const findings = checkOverlays([overlay], facts).map(formatFinding);
    const source = overlay.source;
    expect(findings).toEqual([
      `${source}: KafkaTopic/kafka/helpdesk.asset.ci.v1: schema: /spec must NOT have additional properties (unknown key 'partitons')`,
      `${source}: KafkaTopic/kafka/helpdesk.asset.ci.v1: schema: /spec/partitions must be integer`,
      `${source}: Deployment/helpdesk/incident-service: schema: /spec/template/spec/containers/0/ports/0/containerPort must be integer`,
      `${source}: Deployment/helpdesk/incident-service: schema: /spec/template/spec/containers/0/resources/limits/memory must be number`,
      `${source}: Deployment/helpdesk/incident-service: schema: /spec/template/spec/containers/0/resources/limits/memory must match format "quantity"`,
      `${source}: Deployment/helpdesk/incident-service: schema: /spec/template/spec/containers/0/resources/limits/memory must match exactly one schema in "oneOf"`,
      `${source}: Deployment/helpdesk/incident-service: has no readinessProbe (GET /health/ready)`,
      expect.stringMatching(
        /ConfigMap\/helpdesk\/helpdesk-platform-\w+: KAFKA_TOPIC_PARTITIONS 12 differs from the partitions of helpdesk.asset.ci.v1$/,
      ),
    ]);
  });
});
