// Validates Kubernetes objects with kubernetes-models, in a plain Node process of its own: the package
// is ESM only (an "import" export condition and nothing else), which Jest's CommonJS module system cannot
// load, and plain JavaScript starts in a fraction of the time a TypeScript loader takes. Reads a JSON
// array of objects on stdin; writes one array of error messages per object. Run by kubernetes-schema.ts.
import { readFileSync } from 'node:fs';

const objects = JSON.parse(readFileSync(0, 'utf8'));
const results = [];
for (const object of objects) results.push(await validate(object));
process.stdout.write(JSON.stringify(results));

/** Messages such as `/spec/replicas must be integer`; none when the object is valid. */
async function validate(object) {
  const { apiVersion, kind } = object ?? {};
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return ['/ has no apiVersion and kind'];
  const unknown = [`no Kubernetes ${apiVersion} ${kind} schema in kubernetes-models (unknown kind or API version)`];
  if (!/^([a-z0-9.]+\/)?v[0-9a-z]+$/.test(apiVersion) || !/^[A-Za-z0-9]+$/.test(kind)) return unknown;
  let model;
  try {
    // e.g. kubernetes-models/apps/v1/Deployment, kubernetes-models/v1/Service (the package's export map).
    model = (await import(`kubernetes-models/${apiVersion}/${kind}`))[kind];
  } catch (error) {
    if (['ERR_PACKAGE_PATH_NOT_EXPORTED', 'ERR_MODULE_NOT_FOUND'].includes(error.code)) return unknown;
    throw error;
  }
  try {
    new model(object).validate();
    return [];
  } catch (error) {
    // Ajv's joined text: "data/spec/x must be integer, data/spec/y must be string".
    return error.message.split(/, (?=data)/).map((message) => message.replace(/^data\/?/, '/'));
  }
}
