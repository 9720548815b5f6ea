import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { KubernetesObject, parseKubernetesYaml } from './kubernetes-object';

export class KubectlNotFoundError extends Error {
  constructor(searched: string) {
    super(
      `kubectl was not found (${searched}). The deployment check renders k8s/overlays/* with \`kubectl kustomize\` ` +
        '(kustomize v5 is built into kubectl): install kubectl (Debian package `kubectl`, or https://kubernetes.io/docs/tasks/tools/) ' +
        'or set KUBECTL to its path.',
    );
  }
}

/** KUBECTL when set (it must be executable), else the first kubectl on PATH. */
export function findKubectl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.KUBECTL) {
    if (isExecutable(env.KUBECTL)) return env.KUBECTL;
    throw new KubectlNotFoundError(`KUBECTL=${env.KUBECTL} is not an executable file`);
  }
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  const found = dirs.map((dir) => join(dir, 'kubectl')).find(isExecutable);
  if (!found) throw new KubectlNotFoundError(`not on PATH=${env.PATH ?? ''}`);
  return found;
}

/** `kubectl kustomize <dir>`, parsed; a kustomization that does not build throws with kubectl's own message. */
export function renderKustomization(dir: string, kubectl: string = findKubectl()): KubernetesObject[] {
  const run = spawnSync(kubectl, ['kustomize', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw new Error(`Could not run ${kubectl}: ${run.error.message}`);
  if (run.status !== 0) {
    throw new Error(`\`kubectl kustomize ${dir}\` failed (exit ${run.status}):\n${run.stderr.trim()}`);
  }
  return parseKubernetesYaml(run.stdout, dir);
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
