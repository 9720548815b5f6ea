/** One bad environment variable: which, what it held (secrets masked) and why it was refused. */
export interface ConfigProblem {
  variable: string;
  reason: string;
}

export class ConfigValidationError extends Error {
  constructor(
    readonly service: string,
    readonly problems: ConfigProblem[],
  ) {
    super(
      `Invalid configuration for ${service}:\n` +
        problems.map((p) => `  - ${p.variable}: ${p.reason}`).join('\n') +
        '\nSet these environment variables (see docs/operations.md) and start again.',
    );
    this.name = 'ConfigValidationError';
  }
}
