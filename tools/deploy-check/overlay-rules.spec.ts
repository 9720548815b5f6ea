import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { join } from 'node:path';
import { checkOverlayRules, renderOverlay, RenderedOverlay, repositoryFacts, repositoryRoot } from './deploy-check';
import { formatFinding } from './finding';
import { KubernetesObject } from './kubernetes-object';

// Each rule of workload-invariants.ts, platform-invariants.ts and secret-placeholders.ts, on a copy of
// the rendered prod overlay with one thing broken: the rule must fail, and say what and where.
const root = repositoryRoot();
const facts = repositoryFacts(root);
let prod: RenderedOverlay;

beforeAll(() => {
  prod = renderOverlay(join(root, 'k8s', 'overlays', 'prod'), facts, true);
});

/** Messages of the rules over the prod overlay after `breakIt` changed a copy of its objects. */
function findingsAfter(breakIt: (objects: KubernetesObject[]) => KubernetesObject[] | void): string[] {
  const objects = structuredClone(prod.objects);
  const changed = breakIt(objects) ?? objects;
  return checkOverlayRules({ ...prod, objects: changed }, facts).map(formatFinding);
}

function deployment(objects: KubernetesObject[], name: string): IDeployment {
  const found = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === name);
  if (!found) throw new Error(`no Deployment ${name}`);
  return found as unknown as IDeployment;
}

function containerOf(objects: KubernetesObject[], name: string) {
  return deployment(objects, name).spec!.template.spec!.containers[0];
}

const without = (kind: string, name?: string) => (objects: KubernetesObject[]) =>
  objects.filter((o) => !(o.kind === kind && (name === undefined || o.metadata.name === name)));

describe('rules over a rendered overlay', () => {
  it('pass on the prod overlay as it is', () => {
    expect(findingsAfter(() => undefined)).toEqual([]);
  });

  describe('Deployments', () => {
    it('need readiness, liveness and startup probes on the health endpoints', () => {
      const findings = findingsAfter((objects) => {
        const container = containerOf(objects, 'incident-service');
        delete container.readinessProbe;
        delete container.startupProbe;
        container.livenessProbe!.httpGet!.path = '/health/ready';
      });
      expect(findings).toEqual([
        'k8s/overlays/prod: Deployment/helpdesk/incident-service: has no readinessProbe (GET /health/ready)',
        'k8s/overlays/prod: Deployment/helpdesk/incident-service: livenessProbe must GET /health/live',
        'k8s/overlays/prod: Deployment/helpdesk/incident-service: has no startupProbe (migrations run before the server listens)',
      ]);
    });

    it('need requests and limits', () => {
      const findings = findingsAfter((objects) => {
        delete containerOf(objects, 'asset-service').resources!.limits;
      });
      expect(findings).toEqual([
        'k8s/overlays/prod: Deployment/helpdesk/asset-service: has no resources.limits.cpu',
        'k8s/overlays/prod: Deployment/helpdesk/asset-service: has no resources.limits.memory',
      ]);
    });

    it('must not run as root or allow privilege escalation', () => {
      const findings = findingsAfter((objects) => {
        const pod = deployment(objects, 'problem-service').spec!.template.spec!;
        pod.securityContext = { runAsUser: 0 };
        delete pod.containers[0].securityContext;
      });
      expect(findings).toEqual([
        'k8s/overlays/prod: Deployment/helpdesk/problem-service: securityContext.runAsNonRoot must be true',
        'k8s/overlays/prod: Deployment/helpdesk/problem-service: securityContext.runAsUser must not be 0 (root)',
        'k8s/overlays/prod: Deployment/helpdesk/problem-service: securityContext.allowPrivilegeEscalation must be false',
      ]);
    });

    it('need a pinned image', () => {
      const findings = findingsAfter((objects) => {
        containerOf(objects, 'reporting-service').image = 'helpdesk/reporting-service:latest';
        containerOf(objects, 'api-gateway').image = 'registry.example.com:5000/helpdesk/api-gateway';
      });
      expect(findings).toEqual([
        'k8s/overlays/prod: Deployment/helpdesk/api-gateway: image registry.example.com:5000/helpdesk/api-gateway has no tag: pin a version (or a digest)',
        'k8s/overlays/prod: Deployment/helpdesk/reporting-service: image helpdesk/reporting-service:latest uses the tag latest: pin a version (or a digest)',
      ]);
    });

    it('need a preStop sleep and a grace period covering it and the app’s shutdown', () => {
      const findings = findingsAfter((objects) => {
        deployment(objects, 'incident-service').spec!.template.spec!.terminationGracePeriodSeconds = 30;
        delete containerOf(objects, 'problem-service').lifecycle;
      });
      expect(findings).toEqual([
        "k8s/overlays/prod: Deployment/helpdesk/incident-service: terminationGracePeriodSeconds 30 is shorter than preStop 10 s + the app's shutdown 35 s: Kafka consumers and the outbox relay would be killed mid-way",
        'k8s/overlays/prod: Deployment/helpdesk/problem-service: has no preStop sleep: the pod would get SIGTERM while proxies still route to it',
      ]);
    });

    it('set DB_MIGRATIONS_RUN explicitly, and only variables the app reads', () => {
      const findings = findingsAfter((objects) => {
        const container = containerOf(objects, 'knowledge-base-service');
        container.env = container.env!.filter((e) => e.name !== 'DB_MIGRATIONS_RUN');
        container.env.push({ name: 'SLA_SCAN_INTERVAL', value: '5s' });
        const config = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('incident-service-config'));
        (config as unknown as IConfigMap).data!.DATABSE_NAME = 'helpdesk_incident';
      });
      expect(findings).toEqual([
        'k8s/overlays/prod: Deployment/helpdesk/incident-service: sets DATABSE_NAME, which incident-service does not read (not in ServiceConfig or apps/incident-service/src/config)',
        "k8s/overlays/prod: Deployment/helpdesk/knowledge-base-service: must set DB_MIGRATIONS_RUN explicitly ('true' or 'false') in its env",
        'k8s/overlays/prod: Deployment/helpdesk/knowledge-base-service: sets SLA_SCAN_INTERVAL, which knowledge-base-service does not read (not in ServiceConfig or apps/knowledge-base-service/src/config)',
      ]);
    });
  });

  describe('the platform', () => {
    it('needs a Deployment, a Service, an HPA and a PDB for every app in prod', () => {
      expect(findingsAfter(without('Deployment', 'asset-service'))).toEqual([
        'k8s/overlays/prod: app asset-service: has no Deployment named asset-service (every app of tools/platform/platform-apps.ts needs one)',
      ]);
      const findings = findingsAfter((objects) =>
        without(
          'PodDisruptionBudget',
          'problem-service',
        )(without('HorizontalPodAutoscaler', 'problem-service')(without('Service', 'problem-service')(objects))),
      );
      expect(findings).toEqual([
        'k8s/overlays/prod: app problem-service: has no Service selecting its pods',
        'k8s/overlays/prod: app problem-service: has no HorizontalPodAutoscaler targeting its Deployment',
        'k8s/overlays/prod: app problem-service: has no PodDisruptionBudget selecting its pods',
      ]);
    });

    it('keeps HPA maxReplicas within the partitions of every topic a service consumes', () => {
      const findings = findingsAfter((objects) => {
        const hpa = objects.find((o) => o.kind === 'HorizontalPodAutoscaler' && o.metadata.name === 'reporting-service');
        (hpa as unknown as IHorizontalPodAutoscaler).spec!.maxReplicas = 20;
      });
      expect(findings).toEqual([
        'k8s/overlays/prod: app reporting-service: HPA maxReplicas 20 exceeds the 12 partitions of helpdesk.incident.incident.v1: consumers past the partition count sit idle',
        'k8s/overlays/prod: app reporting-service: HPA maxReplicas 20 exceeds the 12 partitions of helpdesk.knowledge.article.v1: consumers past the partition count sit idle',
        'k8s/overlays/prod: app reporting-service: HPA maxReplicas 20 exceeds the 12 partitions of helpdesk.knowledge.help-session.v1: consumers past the partition count sit idle',
      ]);
    });

    it('declares every topic of the contracts with unlimited retention and the configured partitions', () => {
      const findings = findingsAfter((objects) => {
        const kept = without('KafkaTopic', 'helpdesk.problem.problem.v1.dlq')(objects);
        const article = kept.find(
          (o) => o.kind === 'KafkaTopic' && o.metadata.name === 'helpdesk.knowledge.article.v1',
        ) as unknown as {
          spec: { partitions: number; config: Record<string, unknown> };
        };
        article.spec.config['retention.ms'] = 604800000;
        article.spec.partitions = 6;
        return kept;
      });
      // 6 partitions still hold the reporting service's 6 replicas at most: no finding for that.
      expect(findings).toEqual([
        'k8s/overlays/prod: topic helpdesk.problem.problem.v1.dlq: has no KafkaTopic (libs/contracts/src/topics.ts)',
        'k8s/overlays/prod: topic helpdesk.knowledge.article.v1: retention.ms is 604800000; must be -1: the reporting rebuild replays from offset 0',
        expect.stringMatching(
          /^k8s\/overlays\/prod: ConfigMap\/helpdesk\/helpdesk-platform-\w+: KAFKA_TOPIC_PARTITIONS 12 differs from the partitions of helpdesk.knowledge.article.v1$/,
        ),
      ]);
    });

    it('denies ingress by default and lets the Ingress reach only the gateway', () => {
      const findings = findingsAfter((objects) => {
        const ingress = objects.find((o) => o.kind === 'Ingress') as unknown as IIngress;
        ingress.spec!.rules![0].http!.paths.push({
          path: '/internal',
          pathType: 'Prefix',
          backend: { service: { name: 'incident-service', port: { name: 'http' } } },
        });
        return without('NetworkPolicy', 'default-deny')(objects);
      });
      expect(findings).toEqual([
        'k8s/overlays/prod: NetworkPolicy: no default-deny ingress policy (podSelector {}, policyTypes [Ingress], no ingress rules)',
        'k8s/overlays/prod: Ingress/helpdesk/helpdesk: routes to incident-service; only api-gateway and web may be reachable from outside',
      ]);
    });

    it('admits the ingress controller to the gateway only', () => {
      const findings = findingsAfter((objects) => {
        const policy = objects.find((o) => o.kind === 'NetworkPolicy' && o.metadata.name === 'services-ingress') as unknown as {
          spec: { ingress: Array<{ from: unknown[] }> };
        };
        policy.spec.ingress[0].from.push({
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } },
        });
      });
      expect(findings).toEqual([
        'k8s/overlays/prod: NetworkPolicy/helpdesk/services-ingress: admits the ingress controller to pods other than api-gateway or web',
      ]);
    });

    it('holds no Secret with a real value', () => {
      const findings = findingsAfter((objects) => [
        ...objects,
        {
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: { name: 'incident-service-database', namespace: 'helpdesk' },
          data: { DATABASE_URL: Buffer.from('postgres://incident:s3cret@db:5432/postgres').toString('base64') },
          stringData: { note: '<fill me in>' },
        },
      ]);
      expect(findings).toEqual([
        'k8s/overlays/prod: Secret/helpdesk/incident-service-database: key DATABASE_URL holds a real-looking value; Secrets in git may only hold <placeholders> (create the real one in the cluster)',
      ]);
    });
  });
});
