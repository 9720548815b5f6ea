// The deployment check on its own (also run by `npm test` through deploy-check.spec.ts):
//   node -r @swc-node/register tools/deploy-check/deploy-check.cli.ts
import { formatFinding } from './finding';
import { repositoryRoot, runDeployCheck } from './deploy-check';

const started = Date.now();
try {
  const findings = runDeployCheck(repositoryRoot());
  for (const finding of findings) console.error(`✗ ${formatFinding(finding)}`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (findings.length > 0) {
    console.error(`${findings.length} problem(s) in docker/ and k8s/ (${seconds} s)`);
    process.exitCode = 1;
  } else {
    console.log(`docker/ and k8s/ pass the deployment check (${seconds} s)`);
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 2;
}
