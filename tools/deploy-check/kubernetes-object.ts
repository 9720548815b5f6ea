import { parseAllDocuments } from 'yaml';

/** What every Kubernetes (or custom) resource has; the checks narrow it by kind. */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

/** `Kind/name`, or `Kind/namespace/name` when namespaced: how findings name an object. */
export function describeObject(object: KubernetesObject): string {
  const { name, namespace } = object.metadata ?? {};
  return namespace ? `${object.kind}/${namespace}/${name}` : `${object.kind}/${name}`;
}

/** Every document of a multi-document YAML text; a document that is not an object is an error. */
export function parseKubernetesYaml(text: string, source: string): KubernetesObject[] {
  const objects: KubernetesObject[] = [];
  for (const document of parseAllDocuments(text)) {
    if (document.errors.length > 0) throw new Error(`${source}: not valid YAML: ${document.errors[0].message}`);
    const value: unknown = document.toJS();
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value) || !('kind' in value) || !('apiVersion' in value)) {
      throw new Error(`${source}: a YAML document is not a Kubernetes object (no apiVersion and kind)`);
    }
    objects.push(value as KubernetesObject);
  }
  return objects;
}

export function ofKind<T>(objects: KubernetesObject[], kind: string): Array<KubernetesObject & T> {
  return objects.filter((o) => o.kind === kind) as Array<KubernetesObject & T>;
}

/** Does a label selector's matchLabels select pods with these labels (matchExpressions are not used here)? */
export function selects(matchLabels: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (!matchLabels || Object.keys(matchLabels).length === 0) return false;
  return Object.entries(matchLabels).every(([key, value]) => labels?.[key] === value);
}
