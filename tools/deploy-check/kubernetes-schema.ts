import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Finding } from './finding';
import { validateKafkaTopic } from './kafka-topic.schema';
import { describeObject, KubernetesObject } from './kubernetes-object';

const WORKER = join(__dirname, 'kubernetes-schema.worker.mjs');

/** Objects to validate, with where they came from (an overlay or a file). */
export interface SchemaInput {
  source: string;
  objects: KubernetesObject[];
}

/**
 * Validates each object against its schema: Kubernetes kinds with kubernetes-models (the API's OpenAPI
 * schemas: types, required fields, enums, quantities), Strimzi KafkaTopics with our own JSON schema.
 * One child process for all the Kubernetes objects of all inputs (see kubernetes-schema.worker.mjs for why).
 */
export function validateSchemas(inputs: SchemaInput[]): Finding[] {
  const findings: Finding[] = [];
  const kubernetes: Array<{ source: string; object: KubernetesObject }> = [];
  for (const { source, objects } of inputs) {
    for (const object of objects) {
      if (!isStrimzi(object)) kubernetes.push({ source, object });
      else for (const message of validateKafkaTopic(object)) findings.push({ source, subject: describeObject(object), message });
    }
  }
  if (kubernetes.length === 0) return findings;
  const run = spawnSync(process.execPath, [WORKER], {
    input: JSON.stringify(kubernetes.map((k) => k.object)),
    encoding: 'utf8',
    cwd: join(__dirname, '../..'),
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`The kubernetes-models validator failed (exit ${run.status}):\n${run.stderr}`);
  const results = JSON.parse(run.stdout) as string[][];
  results.forEach((messages, i) => {
    const { source, object } = kubernetes[i];
    for (const message of messages) findings.push({ source, subject: describeObject(object), message: `schema: ${message}` });
  });
  return findings;
}

function isStrimzi(object: KubernetesObject): boolean {
  return object.apiVersion?.startsWith('kafka.strimzi.io/') ?? false;
}
