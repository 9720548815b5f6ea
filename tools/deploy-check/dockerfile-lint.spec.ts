import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from './deploy-check';
import { lintDockerfile } from './dockerfile-lint';

// docker/Dockerfile passes; each basic rule fails on a copy broken in one way.
const dockerfile = readFileSync(join(repositoryRoot(), 'docker', 'Dockerfile'), 'utf8');
const lint = (text: string) => lintDockerfile(text, 'Dockerfile').map((f) => `${f.subject}: ${f.message}`);

describe('Dockerfile lint', () => {
  it('passes docker/Dockerfile', () => {
    expect(lint(dockerfile)).toEqual([]);
  });

  it('fails a final stage without USER, or running as root', () => {
    expect(lint(dockerfile.replace(/^USER .*$/m, ''))).toEqual(['final stage: has no USER: the container would run as root']);
    expect(lint(dockerfile.replace(/^USER .*$/m, 'USER root'))).toEqual([
      expect.stringMatching(/^line \d+ USER: the final stage runs as root$/),
    ]);
  });

  it('fails a final stage without HEALTHCHECK', () => {
    const text = dockerfile.replace(/^HEALTHCHECK [\s\S]*?\n(?=\S)/m, '');
    expect(text).not.toContain('HEALTHCHECK --');
    expect(lint(text)).toEqual(['final stage: has no HEALTHCHECK']);
  });

  it('fails base images that are not pinned, following ARG defaults', () => {
    const nodeStages = dockerfile.match(/^FROM \$\{NODE_IMAGE\}/gm)?.length ?? 0;
    expect(nodeStages).toBeGreaterThan(0);
    expect(lint(dockerfile.replace(/^ARG NODE_IMAGE=.*$/m, 'ARG NODE_IMAGE=node:latest'))).toEqual(
      Array(nodeStages).fill(
        expect.stringMatching(/^line \d+ FROM: node:latest uses the tag latest: pin a version \(or a digest\)$/),
      ),
    );
    expect(lint(dockerfile.replace(/^ARG NODE_IMAGE=.*$/m, 'ARG NODE_IMAGE'))).toEqual(
      Array(nodeStages).fill(
        expect.stringMatching(
          /^line \d+ FROM: \$\{NODE_IMAGE\}: ARG NODE_IMAGE has no default before the first FROM, so the base image is not pinned$/,
        ),
      ),
    );
    expect(lint('FROM node AS build\nFROM build\nUSER 1000\nHEALTHCHECK CMD true\n')).toEqual([
      'line 1 FROM: node has no tag: pin a version (or a digest)',
    ]);
    expect(lint(`FROM node@sha256:${'a'.repeat(64)}\nUSER app\nHEALTHCHECK CMD true\n`)).toEqual([]);
  });
});
