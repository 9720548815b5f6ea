import { ConfigValidationError, loadConfig } from '@helpdesk/config';
import { ProblemConfig } from './problem.config';

describe('ProblemConfig', () => {
  it('defaults: port 3002, its own database, 5 incidents in 24 h', () => {
    const config = loadConfig(ProblemConfig, {});
    expect(config).toMatchObject({ PORT: 3002, DATABASE_NAME: 'helpdesk_problem', CANDIDATE_MIN_INCIDENTS: 5 });
    expect(config.candidateWindowMs).toBe(24 * 3_600_000);
    expect(config.CANDIDATE_MIN_SIMILARITY).toBe(0.35);
  });

  it('reads its own variables', () => {
    const config = loadConfig(ProblemConfig, {
      CANDIDATE_MIN_INCIDENTS: '3',
      CANDIDATE_WINDOW: '2h',
      CANDIDATE_MIN_SIMILARITY: '0.5',
    });
    expect(config).toMatchObject({ CANDIDATE_MIN_INCIDENTS: 3, CANDIDATE_MIN_SIMILARITY: 0.5 });
    expect(config.candidateWindowMs).toBe(2 * 3_600_000);
  });

  it('stops the start with every bad variable named', () => {
    let error: unknown;
    try {
      loadConfig(ProblemConfig, { CANDIDATE_MIN_INCIDENTS: '1', CANDIDATE_WINDOW: 'a day', CANDIDATE_MIN_SIMILARITY: '2' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    expect((error as ConfigValidationError).problems.map((p) => p.variable).sort()).toEqual([
      'CANDIDATE_MIN_INCIDENTS',
      'CANDIDATE_MIN_SIMILARITY',
      'CANDIDATE_WINDOW',
    ]);
  });
});
