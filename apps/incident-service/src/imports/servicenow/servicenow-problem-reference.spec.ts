import { ImportedIncidentPlan } from './servicenow-incident-plan';
import { importedProblemKey, normalizeServiceNowProblemKey } from './servicenow-problem-reference';

describe('ServiceNow problem reference', () => {
  it.each([
    ['Problem ID  2', 'Problem ID 2'],
    ['  Problem ID 141 ', 'Problem ID 141'],
    ['Problem\tID\u3000 7', 'Problem ID 7'],
    ['問題 ID  12 🐛', '問題 ID 12 🐛'],
  ])('normalises %j to %j', (raw, key) => {
    expect(normalizeServiceNowProblemKey(raw)).toBe(key);
  });

  it.each([null, undefined, '', '   ', '?', ' ? '])('reads %j as no problem', (raw) => {
    expect(normalizeServiceNowProblemKey(raw)).toBeNull();
  });

  it("takes the final record's problem_id", () => {
    const plan = (problemId: string | null) => ({ finalRow: { problemId } }) as Pick<ImportedIncidentPlan, 'finalRow'>;
    expect(importedProblemKey(plan('Problem ID  44'))).toBe('Problem ID 44');
    expect(importedProblemKey(plan(null))).toBeNull();
  });
});
