import { CI_STATES, CiState } from '@helpdesk/contracts';
import {
  allowedNextStates,
  CREATABLE_STATES,
  decideTransition,
  isCiChangeable,
  keepsAssignment,
  RETURN_STATES,
  stateAfterAssignment,
} from './ci-lifecycle';

/** The lifecycle, written out independently of the module's table. */
const EXPECTED: Record<CiState, CiState[]> = {
  ordered: ['in_stock'],
  in_stock: ['deployed', 'in_repair', 'retired'],
  deployed: ['in_stock', 'in_repair', 'retired'],
  in_repair: ['in_stock', 'deployed', 'retired'],
  retired: ['in_stock', 'disposed'],
  disposed: [],
};

describe('CI lifecycle', () => {
  it.each(CI_STATES.flatMap((from) => CI_STATES.map((to) => [from, to] as const)))('%s → %s', (from, to) => {
    const decision = decideTransition(from, to);
    if (EXPECTED[from].includes(to)) expect(decision).toEqual({ allowed: true });
    else expect(decision).toEqual({ allowed: false, allowedStates: EXPECTED[from] });
  });

  it('never allows staying in the same state, and disposed is final', () => {
    expect(CI_STATES.filter((s) => decideTransition(s, s).allowed)).toEqual([]);
    expect(allowedNextStates('disposed')).toEqual([]);
    expect(CI_STATES.filter((s) => !isCiChangeable(s))).toEqual(['disposed']);
  });

  it('reaches disposed from ordered only through stock and retirement', () => {
    const reachable = new Set<CiState>(['ordered']);
    for (let grew = true; grew;) {
      grew = false;
      for (const s of [...reachable])
        for (const next of allowedNextStates(s))
          if (!reachable.has(next)) {
            reachable.add(next);
            grew = true;
          }
    }
    expect([...reachable].sort()).toEqual([...CI_STATES].sort());
    expect(CI_STATES.filter((s) => allowedNextStates(s).includes('disposed'))).toEqual(['retired']);
  });

  it('creates CIs in stock or on order only', () => {
    expect(CREATABLE_STATES).toEqual(['in_stock', 'ordered']);
  });

  it('deploys a CI in stock on assignment, keeps deployed and in-repair CIs in their state, refuses the rest', () => {
    expect(Object.fromEntries(CI_STATES.map((s) => [s, stateAfterAssignment(s)]))).toEqual({
      ordered: null,
      in_stock: 'deployed',
      deployed: 'deployed',
      in_repair: 'in_repair',
      retired: null,
      disposed: null,
    });
  });

  it('keeps an assignee only while deployed or in repair, and returns go to states reachable from both', () => {
    expect(CI_STATES.filter(keepsAssignment)).toEqual(['deployed', 'in_repair']);
    for (const to of RETURN_STATES) {
      expect(['deployed', 'in_repair'].filter((from) => from !== to && !decideTransition(from as CiState, to).allowed)).toEqual(
        [],
      );
    }
  });
});
