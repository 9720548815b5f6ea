import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { appConfigVariables } from './app-config-variables';
import { checkComposeFile } from './compose-check';
import { lintDockerfile } from './dockerfile-lint';
import { Finding } from './finding';
import { KubernetesObject, parseKubernetesYaml } from './kubernetes-object';
import { SchemaInput, validateSchemas } from './kubernetes-schema';
import { findKubectl, renderKustomization } from './kustomize-render';
import { checkPlatform } from './platform-invariants';
import { PlatformApp, platformTopics, readPlatformApps } from './platform-topology';
import { checkSecretPlaceholders } from './secret-placeholders';
import { checkWorkloads } from './workload-invariants';

/** Overlays whose apps must all have a HorizontalPodAutoscaler and a PodDisruptionBudget. */
export const AUTOSCALED_OVERLAYS = ['prod'];

/** What the checks compare the manifests with: the platform's apps and the variables each app reads. */
export interface RepositoryFacts {
  root: string;
  apps: PlatformApp[];
  configVariables: Map<string, Set<string>>;
}

export function repositoryFacts(root: string): RepositoryFacts {
  const apps = readPlatformApps(root);
  return { root, apps, configVariables: new Map(apps.map((app) => [app.name, appConfigVariables(root, app.name)])) };
}

export interface RenderedOverlay extends SchemaInput {
  autoscaled: boolean;
}

/** `kubectl kustomize` of one overlay directory. */
export function renderOverlay(
  dir: string,
  facts: RepositoryFacts,
  autoscaled: boolean,
  kubectl = findKubectl(),
): RenderedOverlay {
  return { source: relative(facts.root, dir) || dir, objects: renderKustomization(dir, kubectl), autoscaled };
}

/** The rules beyond the schemas, for one rendered overlay. */
export function checkOverlayRules(overlay: RenderedOverlay, facts: RepositoryFacts): Finding[] {
  const { source, objects, autoscaled } = overlay;
  return [
    ...checkWorkloads(objects, { source, configVariables: facts.configVariables }),
    ...checkPlatform(objects, { source, apps: facts.apps, topics: platformTopics(), autoscaled }),
    ...checkSecretPlaceholders(objects, source),
  ];
}

/** Schemas and rules of rendered overlays (one schema validator process for all of them). */
export function checkOverlays(
  overlays: RenderedOverlay[],
  facts: RepositoryFacts,
  extraSchemaInputs: SchemaInput[] = [],
): Finding[] {
  return [...validateSchemas([...overlays, ...extraSchemaInputs]), ...overlays.flatMap((o) => checkOverlayRules(o, facts))];
}

/**
 * The whole deployment check of the repository: every k8s overlay, the Secret templates, the compose
 * file and the Dockerfiles. Returns the findings; none means everything holds.
 */
export function runDeployCheck(root: string): Finding[] {
  const facts = repositoryFacts(root);
  const kubectl = findKubectl();
  const findings: Finding[] = [];

  const overlaysDir = join(root, 'k8s', 'overlays');
  const overlayNames = readdirSync(overlaysDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  for (const name of AUTOSCALED_OVERLAYS.filter((n) => !overlayNames.includes(n))) {
    findings.push({ source: 'k8s/overlays', subject: name, message: 'overlay is missing' });
  }
  const overlays = overlayNames.map((name) =>
    renderOverlay(join(overlaysDir, name), facts, AUTOSCALED_OVERLAYS.includes(name), kubectl),
  );
  const templates = secretTemplates(root);
  findings.push(
    ...checkOverlays(overlays, facts, templates),
    ...templates.flatMap((t) => checkSecretPlaceholders(t.objects, t.source)),
  );

  findings.push(
    ...checkComposeFile(join(root, 'docker', 'compose.yaml'), facts).map((f) => ({ ...f, source: 'docker/compose.yaml' })),
  );

  const dockerDir = join(root, 'docker');
  const dockerfiles = readdirSync(dockerDir).filter((f) => /^Dockerfile(\.[\w-]+)?$/.test(f) && !f.endsWith('.dockerignore'));
  if (dockerfiles.length === 0) findings.push({ source: 'docker', subject: 'Dockerfile', message: 'no Dockerfile' });
  for (const file of dockerfiles) {
    findings.push(...lintDockerfile(readFileSync(join(dockerDir, file), 'utf8'), `docker/${file}`));
  }
  return findings;
}

/** k8s/secret-templates/*.yaml: schema-checked and placeholder-checked, never rendered into an overlay. */
function secretTemplates(root: string): SchemaInput[] {
  const dir = join(root, 'k8s', 'secret-templates');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .map((file): SchemaInput => {
      const source = `k8s/secret-templates/${file}`;
      const objects: KubernetesObject[] = parseKubernetesYaml(readFileSync(join(dir, file), 'utf8'), source);
      return { source, objects };
    });
}

export function repositoryRoot(): string {
  const root = join(__dirname, '..', '..');
  if (!existsSync(join(root, 'nx.json'))) throw new Error(`${root} is not the repository root`);
  return root;
}
