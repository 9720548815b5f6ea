import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import { readsVariable } from './app-config-variables';
import { Finding } from './finding';
import { describeObject, KubernetesObject, ofKind } from './kubernetes-object';

/**
 * What an app takes after SIGTERM at most: 5 s of draining in production, then closing, which
 * libs/service-runtime (installGracefulShutdown) cuts off after 30 s.
 */
export const APP_SHUTDOWN_SECONDS = 5 + 30;

export interface WorkloadContext {
  source: string;
  /** The variables each app reads (appConfigVariables); apps not listed are not checked for them. */
  configVariables: Map<string, Set<string>>;
}

/**
 * Every Deployment: probes on the health endpoints, requests and limits, a non-root security context,
 * a pinned image, a grace period that covers preStop and the app's own shutdown, migrations set
 * explicitly, and no environment variable the app would not read.
 */
export function checkWorkloads(objects: KubernetesObject[], context: WorkloadContext): Finding[] {
  const findings: Finding[] = [];
  const configMaps = new Map(ofKind<IConfigMap>(objects, 'ConfigMap').map((c) => [c.metadata.name, c]));
  for (const deployment of ofKind<IDeployment>(objects, 'Deployment')) {
    const subject = describeObject(deployment);
    const found = (message: string) => findings.push({ source: context.source, subject, message });
    const pod: IPodSpec | undefined = deployment.spec?.template?.spec;
    if (!pod?.containers?.length) {
      found('has no pod template with containers');
      continue;
    }
    for (const container of pod.containers) {
      const where = pod.containers.length > 1 ? `container ${container.name}: ` : '';
      for (const message of checkContainer(container, pod)) found(where + message);
      const variables = context.configVariables.get(deployment.metadata.name);
      if (variables) {
        for (const message of checkEnvironment(container, configMaps, variables, deployment.metadata.name))
          found(where + message);
      }
    }
  }
  return findings;
}

function checkContainer(container: IContainer, pod: IPodSpec): string[] {
  const problems: string[] = [];
  const probePath = (probe: IContainer['readinessProbe']) => probe?.httpGet?.path;
  if (!container.readinessProbe) problems.push('has no readinessProbe (GET /health/ready)');
  else if (probePath(container.readinessProbe) !== '/health/ready') problems.push('readinessProbe must GET /health/ready');
  if (!container.livenessProbe) problems.push('has no livenessProbe (GET /health/live)');
  else if (probePath(container.livenessProbe) !== '/health/live') problems.push('livenessProbe must GET /health/live');
  if (!container.startupProbe) problems.push('has no startupProbe (migrations run before the server listens)');

  for (const bound of ['requests', 'limits'] as const) {
    for (const resource of ['cpu', 'memory']) {
      if (container.resources?.[bound]?.[resource] === undefined) problems.push(`has no resources.${bound}.${resource}`);
    }
  }

  const runAsNonRoot = container.securityContext?.runAsNonRoot ?? pod.securityContext?.runAsNonRoot;
  const runAsUser = container.securityContext?.runAsUser ?? pod.securityContext?.runAsUser;
  if (runAsNonRoot !== true) problems.push('securityContext.runAsNonRoot must be true');
  if (runAsUser === 0) problems.push('securityContext.runAsUser must not be 0 (root)');
  if (container.securityContext?.allowPrivilegeEscalation !== false) {
    problems.push('securityContext.allowPrivilegeEscalation must be false');
  }

  const imageProblem = checkImageReference(container.image);
  if (imageProblem) problems.push(imageProblem);

  const preStop = preStopSeconds(container);
  const grace = pod.terminationGracePeriodSeconds ?? 30;
  if (preStop === undefined) {
    problems.push('has no preStop sleep: the pod would get SIGTERM while proxies still route to it');
  } else if (grace < preStop + APP_SHUTDOWN_SECONDS) {
    problems.push(
      `terminationGracePeriodSeconds ${grace} is shorter than preStop ${preStop} s + the app's shutdown ${APP_SHUTDOWN_SECONDS} s: ` +
        'Kafka consumers and the outbox relay would be killed mid-way',
    );
  }

  const migrations = container.env?.find((e) => e.name === 'DB_MIGRATIONS_RUN');
  if (!migrations || (migrations.value !== 'true' && migrations.value !== 'false')) {
    problems.push("must set DB_MIGRATIONS_RUN explicitly ('true' or 'false') in its env");
  }
  return problems;
}

function checkEnvironment(
  container: IContainer,
  configMaps: Map<string, IConfigMap>,
  variables: Set<string>,
  app: string,
): string[] {
  const problems: string[] = [];
  const names = (container.env ?? []).map((e) => e.name);
  for (const source of container.envFrom ?? []) {
    const name = source.configMapRef?.name;
    if (!name) continue;
    const configMap = configMaps.get(name);
    if (!configMap) problems.push(`envFrom names ConfigMap ${name}, which the overlay does not define`);
    else names.push(...Object.keys(configMap.data ?? {}));
  }
  for (const name of [...new Set(names)].filter((n) => !readsVariable(variables, n))) {
    problems.push(`sets ${name}, which ${app} does not read (not in ServiceConfig or apps/${app}/src/config)`);
  }
  return problems;
}

/** Undefined when the image names a tag other than `latest`, or a digest. */
export function checkImageReference(image: string | undefined): string | undefined {
  if (!image) return 'has no image';
  if (/@sha256:[0-9a-f]{64}$/.test(image)) return undefined;
  const lastPart = image.slice(image.lastIndexOf('/') + 1);
  const tag = lastPart.includes(':') ? lastPart.slice(lastPart.indexOf(':') + 1) : undefined;
  if (!tag) return `image ${image} has no tag: pin a version (or a digest)`;
  if (tag === 'latest') return `image ${image} uses the tag latest: pin a version (or a digest)`;
  return undefined;
}

/** `sleep N` as an exec preStop hook, or the sleep action; undefined when there is none. */
function preStopSeconds(container: IContainer): number | undefined {
  const preStop = container.lifecycle?.preStop;
  if (preStop?.sleep) return preStop.sleep.seconds;
  const command = preStop?.exec?.command ?? [];
  const at = command.findIndex((part) => /(^|\/)sleep$/.test(part));
  const seconds = at >= 0 ? Number(command[at + 1]) : NaN;
  return Number.isFinite(seconds) ? seconds : undefined;
}
