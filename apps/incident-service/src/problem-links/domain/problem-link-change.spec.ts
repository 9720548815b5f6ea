import { IncidentState } from '../../incidents/domain/incident-state';
import { problemLinkChange, ProblemLinkFields } from './problem-link-change';

const at = new Date('2026-04-01T09:00:00.000Z');
const A = '0190a0b2-3c4d-7e8f-9a0b-1c2d3e4f5a6b';
const B = '0190a0b2-3c4d-7e8f-9a0b-1c2d3e4f5a6c';

function incident(fields: Partial<ProblemLinkFields> = {}, state: IncidentState = 'in_progress') {
  return { problemId: null, workaround: null, problemResolutionProposedAt: null, state, ...fields };
}

describe('problemLinkChange', () => {
  it('links an unlinked incident and shows the problem’s workaround', () => {
    expect(problemLinkChange(incident(), { id: A, state: 'known_error', workaround: '再起動してください 🙏' }, at)).toEqual({
      problemId: A,
      workaround: '再起動してください 🙏',
      problemResolutionProposedAt: null,
      changes: [
        { field: 'problemId', from: null, to: A },
        { field: 'workaround', from: null, to: '再起動してください 🙏' },
      ],
    });
  });

  it('changes nothing when the incident is linked to that problem already', () => {
    expect(problemLinkChange(incident({ problemId: A }), { id: A, state: 'investigating', workaround: 'x' }, at)).toBeNull();
  });

  it('moves to another problem: the old workaround and proposal go with the old problem', () => {
    const before = incident({ problemId: A, workaround: 'old', problemResolutionProposedAt: new Date('2026-03-01T00:00:00Z') });
    expect(problemLinkChange(before, { id: B, state: 'investigating', workaround: null }, at)).toEqual({
      problemId: B,
      workaround: null,
      problemResolutionProposedAt: null,
      changes: [
        { field: 'problemId', from: A, to: B },
        { field: 'workaround', from: 'old', to: null },
        { field: 'problemResolutionProposedAt', from: '2026-03-01T00:00:00.000Z', to: null },
      ],
    });
  });

  it('proposes resolution of an open incident linked to a problem already resolved, not of a resolved one', () => {
    const resolvedProblem = { id: A, state: 'resolved', workaround: null };
    expect(problemLinkChange(incident({}, 'on_hold'), resolvedProblem, at)?.problemResolutionProposedAt).toEqual(at);
    expect(problemLinkChange(incident({}, 'resolved'), resolvedProblem, at)?.problemResolutionProposedAt).toBeNull();
    expect(
      problemLinkChange(incident({}, 'new'), { ...resolvedProblem, state: 'known_error' }, at)?.problemResolutionProposedAt,
    ).toBeNull();
  });

  it('unlinks: problem, workaround and proposal cleared; nothing to unlink → null', () => {
    const before = incident({ problemId: A, workaround: 'w', problemResolutionProposedAt: at });
    expect(problemLinkChange(before, null, at)).toEqual({
      problemId: null,
      workaround: null,
      problemResolutionProposedAt: null,
      changes: [
        { field: 'problemId', from: A, to: null },
        { field: 'workaround', from: 'w', to: null },
        { field: 'problemResolutionProposedAt', from: at.toISOString(), to: null },
      ],
    });
    expect(problemLinkChange(incident(), null, at)).toBeNull();
  });
});
