import { repositoryRoot, runDeployCheck } from './deploy-check';
import { formatFinding } from './finding';

// The repository's own docker/ and k8s/ (every overlay, the Secret templates, compose, Dockerfiles) pass.
// The other specs prove that each rule fails on a broken manifest.
describe('deployment check of the repository', () => {
  it('finds nothing wrong in docker/ and k8s/', () => {
    expect(runDeployCheck(repositoryRoot()).map(formatFinding)).toEqual([]);
  });
});
