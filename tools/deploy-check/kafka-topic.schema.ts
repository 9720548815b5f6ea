import Ajv from 'ajv';
import { KubernetesObject } from './kubernetes-object';

/**
 * Strimzi's KafkaTopic (kafka.strimzi.io/v1beta2), as we use it: kubernetes-models has no Strimzi
 * models, so this is our own schema of the CRD's fields, stricter than the CRD where our rules are
 * (explicit partitions and replicas, a cluster label, no unknown spec keys).
 */
export const KAFKA_TOPIC_SCHEMA = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  properties: {
    apiVersion: { const: 'kafka.strimzi.io/v1beta2' },
    kind: { const: 'KafkaTopic' },
    metadata: {
      type: 'object',
      required: ['name', 'labels'],
      properties: {
        // A DNS-1123 subdomain, as every Kubernetes object name.
        name: { type: 'string', maxLength: 253, pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$' },
        namespace: { type: 'string' },
        labels: {
          type: 'object',
          required: ['strimzi.io/cluster'],
          additionalProperties: { type: 'string' },
        },
      },
    },
    spec: {
      type: 'object',
      additionalProperties: false,
      required: ['partitions', 'replicas'],
      properties: {
        // Kafka's own rule for topic names.
        topicName: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,249}$' },
        partitions: { type: 'integer', minimum: 1 },
        replicas: { type: 'integer', minimum: 1, maximum: 32767 },
        config: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } },
      },
    },
  },
} as const;

const validate = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(KAFKA_TOPIC_SCHEMA);

/** Messages such as `schema: /spec/partitions must be integer`; none when the object is valid. */
export function validateKafkaTopic(object: KubernetesObject): string[] {
  if (object.kind !== 'KafkaTopic') return [`schema: no schema for Strimzi kind ${object.kind} in tools/deploy-check`];
  if (validate(object)) return [];
  return (validate.errors ?? []).map((e) => {
    const where = e.instancePath || '/';
    const extra = e.keyword === 'additionalProperties' ? ` (unknown key '${String(e.params.additionalProperty)}')` : '';
    return `schema: ${where} ${e.message}${extra}`;
  });
}
