import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IService } from 'kubernetes-models/v1/Service';
import { Finding, findingsOf } from './finding';
import { describeObject, KubernetesObject, ofKind, selects } from './kubernetes-object';
import { PlatformApp } from './platform-topology';

/** The apps the Ingress may route to: the gateway, and the web app once it exists. */
export const PUBLIC_APPS = ['api-gateway', 'web'];
/** The namespace of the ingress controller (k8s/README.md). */
export const INGRESS_CONTROLLER_NAMESPACE = 'ingress-nginx';

export interface PlatformContext {
  source: string;
  apps: PlatformApp[];
  topics: { events: string[]; deadLetters: string[] };
  /** prod: every app needs a HorizontalPodAutoscaler and a PodDisruptionBudget. */
  autoscaled: boolean;
}

interface KafkaTopic extends KubernetesObject {
  spec?: { topicName?: string; partitions?: number; replicas?: number; config?: Record<string, unknown> };
}

/** Rules across objects: coverage of every app, scaling against partitions, topics, network isolation. */
export function checkPlatform(objects: KubernetesObject[], context: PlatformContext): Finding[] {
  const { list, found } = findingsOf(context.source);
  const topics = new Map(ofKind<KafkaTopic>(objects, 'KafkaTopic').map((t) => [t.spec?.topicName ?? t.metadata.name, t]));
  checkApps(objects, context, topics, found);
  checkTopics(objects, context, topics, found);
  checkNetworkIsolation(objects, found);
  return list;
}

type Found = (subject: string, message: string) => void;

function checkApps(objects: KubernetesObject[], context: PlatformContext, topics: Map<string, KafkaTopic>, found: Found) {
  const deployments = ofKind<IDeployment>(objects, 'Deployment');
  const services = ofKind<IService>(objects, 'Service');
  const autoscalers = ofKind<IHorizontalPodAutoscaler>(objects, 'HorizontalPodAutoscaler');
  const budgets = ofKind<IPodDisruptionBudget>(objects, 'PodDisruptionBudget');
  for (const app of context.apps) {
    const subject = `app ${app.name}`;
    const deployment = deployments.find((d) => d.metadata.name === app.name);
    if (!deployment) {
      found(subject, `has no Deployment named ${app.name} (every app of tools/platform/platform-apps.ts needs one)`);
      continue;
    }
    const podLabels = deployment.spec?.template?.metadata?.labels;
    if (!services.some((s) => selects(s.spec?.selector, podLabels))) found(subject, 'has no Service selecting its pods');

    const autoscaler = autoscalers.find(
      (h) => h.spec?.scaleTargetRef.kind === 'Deployment' && h.spec.scaleTargetRef.name === app.name,
    );
    const budget = budgets.find((b) => selects(b.spec?.selector?.matchLabels, podLabels));
    if (context.autoscaled) {
      if (!autoscaler) found(subject, 'has no HorizontalPodAutoscaler targeting its Deployment');
      if (!budget) found(subject, 'has no PodDisruptionBudget selecting its pods');
      else if (budget.spec?.minAvailable === undefined && budget.spec?.maxUnavailable === undefined) {
        found(subject, 'its PodDisruptionBudget sets neither minAvailable nor maxUnavailable');
      }
      if (autoscaler && budget && typeof budget.spec?.minAvailable === 'number') {
        const minReplicas = autoscaler.spec?.minReplicas ?? 1;
        if (budget.spec.minAvailable >= minReplicas) {
          found(
            subject,
            `PodDisruptionBudget minAvailable ${budget.spec.minAvailable} >= HPA minReplicas ${minReplicas}: no node could be drained`,
          );
        }
      }
    }

    // Replicas past a consumed topic's partition count would sit idle on it.
    const mostReplicas = autoscaler?.spec?.maxReplicas ?? deployment.spec?.replicas ?? 1;
    for (const topic of app.consumes) {
      const kafkaTopic = topics.get(topic);
      if (!kafkaTopic) {
        found(subject, `consumes ${topic}, which has no KafkaTopic`);
      } else if ((kafkaTopic.spec?.partitions ?? 0) < mostReplicas) {
        const what = autoscaler ? `HPA maxReplicas ${mostReplicas}` : `replicas ${mostReplicas}`;
        found(
          subject,
          `${what} exceeds the ${kafkaTopic.spec?.partitions} partitions of ${topic}: consumers past the partition count sit idle`,
        );
      }
    }
  }
}

function checkTopics(objects: KubernetesObject[], context: PlatformContext, topics: Map<string, KafkaTopic>, found: Found) {
  const expected = new Set([...context.topics.events, ...context.topics.deadLetters]);
  for (const topic of expected)
    if (!topics.has(topic)) found(`topic ${topic}`, 'has no KafkaTopic (libs/contracts/src/topics.ts)');
  for (const topic of topics.keys())
    if (!expected.has(topic)) found(`topic ${topic}`, 'is not a topic of libs/contracts (or its .dlq)');

  for (const topic of context.topics.events) {
    const retention = topics.get(topic)?.spec?.config?.['retention.ms'];
    if (topics.has(topic) && String(retention) !== '-1') {
      found(
        `topic ${topic}`,
        `retention.ms is ${retention ?? 'the broker default'}; must be -1: the reporting rebuild replays from offset 0`,
      );
    }
  }

  // A topic an app creates itself (KAFKA_TOPIC_PARTITIONS) must come out like the declared ones.
  for (const configMap of ofKind<IConfigMap>(objects, 'ConfigMap')) {
    const configured = configMap.data?.KAFKA_TOPIC_PARTITIONS;
    if (configured === undefined) continue;
    const differing = [...topics].filter(([, topic]) => topic.spec?.partitions !== Number(configured)).map(([name]) => name);
    if (differing.length > 0) {
      found(
        describeObject(configMap),
        `KAFKA_TOPIC_PARTITIONS ${configured} differs from the partitions of ${differing.join(', ')}`,
      );
    }
  }
}

function checkNetworkIsolation(objects: KubernetesObject[], found: Found) {
  const policies = ofKind<INetworkPolicy>(objects, 'NetworkPolicy');
  const denyAll = policies.some(
    (p) =>
      Object.keys(p.spec?.podSelector ?? {}).length === 0 &&
      (p.spec?.policyTypes ?? []).includes('Ingress') &&
      !p.spec?.ingress?.length,
  );
  if (!denyAll)
    found('NetworkPolicy', 'no default-deny ingress policy (podSelector {}, policyTypes [Ingress], no ingress rules)');

  for (const policy of policies) {
    const target = policy.spec?.podSelector?.matchLabels?.['app.kubernetes.io/name'];
    for (const rule of policy.spec?.ingress ?? []) {
      if (!rule.from?.length) found(describeObject(policy), 'has an ingress rule without `from`: it admits any source');
      const fromController = (rule.from ?? []).some(
        (peer) => peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === INGRESS_CONTROLLER_NAMESPACE,
      );
      if (fromController && !PUBLIC_APPS.includes(target ?? '')) {
        found(describeObject(policy), `admits the ingress controller to pods other than ${PUBLIC_APPS.join(' or ')}`);
      }
    }
  }

  for (const ingress of ofKind<IIngress>(objects, 'Ingress')) {
    const backends = [
      ingress.spec?.defaultBackend?.service?.name,
      ...(ingress.spec?.rules ?? []).flatMap((r) => (r.http?.paths ?? []).map((p) => p.backend.service?.name)),
    ].filter((name): name is string => name !== undefined);
    for (const name of backends.filter((b) => !PUBLIC_APPS.includes(b))) {
      found(describeObject(ingress), `routes to ${name}; only ${PUBLIC_APPS.join(' and ')} may be reachable from outside`);
    }
  }
}
