import type { ISecret } from 'kubernetes-models/v1/Secret';
import { Finding } from './finding';
import { describeObject, KubernetesObject, ofKind } from './kubernetes-object';

/** A value that is obviously not a secret: the whole of it in angle brackets, e.g. `<postgres://LOGIN:...>`. */
const PLACEHOLDER = /^<[^<>]+>$/s;

export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value.trim());
}

/** Secrets in git hold placeholders only; real values are created in the cluster (k8s/secret-templates). */
export function checkSecretPlaceholders(objects: KubernetesObject[], source: string): Finding[] {
  const findings: Finding[] = [];
  for (const secret of ofKind<ISecret>(objects, 'Secret')) {
    const values: Array<[string, string]> = [
      ...Object.entries(secret.stringData ?? {}),
      ...Object.entries(secret.data ?? {}).map(([key, value]): [string, string] => [
        key,
        Buffer.from(value, 'base64').toString('utf8'),
      ]),
    ];
    for (const [key, value] of values) {
      if (!isPlaceholder(value)) {
        findings.push({
          source,
          subject: describeObject(secret),
          message: `key ${key} holds a real-looking value; Secrets in git may only hold <placeholders> (create the real one in the cluster)`,
        });
      }
    }
  }
  return findings;
}
