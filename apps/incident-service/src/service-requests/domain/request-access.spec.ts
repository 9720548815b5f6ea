import { approvalCapacity, Caller, canSeeRequest, canSeeWorkNotes, isRequesterSide, RequestParties } from './request-access';

const request = (overrides: Partial<RequestParties> = {}): RequestParties => ({
  requesterId: 'emp',
  requestedForId: 'emp',
  approvalPolicy: 'manager',
  approverId: 'boss',
  approvalGroupId: null,
  ...overrides,
});
const caller = (id: string, roles: Caller['roles'] = ['employee'], groupIds: string[] = []): Caller => ({ id, roles, groupIds });

describe('request access', () => {
  it('employees see their own and on-behalf requests, approvers theirs, staff all; others nothing', () => {
    expect(canSeeRequest(caller('emp'), request())).toBe(true);
    expect(canSeeRequest(caller('emp'), request({ requesterId: 'agent' }))).toBe(true);
    expect(canSeeRequest(caller('boss'), request())).toBe(true);
    expect(canSeeRequest(caller('other'), request())).toBe(false);
    expect(canSeeRequest(caller('agent', ['agent']), request())).toBe(true);
    expect(canSeeRequest(caller('pm', ['problem_manager']), request())).toBe(false);
    const groupItem = request({ approvalPolicy: 'group', approverId: null, approvalGroupId: 'iam' });
    expect(canSeeRequest(caller('member', ['employee'], ['iam']), groupItem)).toBe(true);
    expect(canSeeRequest(caller('boss'), groupItem)).toBe(false);
  });

  it('only the named manager or a member of the named group approves, never the requester side', () => {
    expect(approvalCapacity(caller('boss'), request())).toBe('manager');
    expect(approvalCapacity(caller('agent', ['agent']), request())).toBeNull();
    expect(approvalCapacity(caller('admin', ['admin']), request())).toBeNull();
    expect(approvalCapacity(caller('boss'), request({ requesterId: 'boss' }))).toBeNull();
    const groupItem = request({ approvalPolicy: 'group', approverId: null, approvalGroupId: 'iam' });
    expect(approvalCapacity(caller('member', ['specialist'], ['iam']), groupItem)).toBe('group');
    expect(approvalCapacity(caller('emp', ['employee'], ['iam']), groupItem)).toBeNull();
    expect(approvalCapacity(caller('boss'), request({ approvalPolicy: 'none', approverId: null }))).toBeNull();
  });

  it('work notes are for staff only; the requester side is requester or beneficiary', () => {
    expect(canSeeWorkNotes({ roles: ['employee'] })).toBe(false);
    expect(canSeeWorkNotes({ roles: ['employee', 'specialist'] })).toBe(true);
    expect(isRequesterSide({ id: 'x' }, request({ requesterId: 'a', requestedForId: 'x' }))).toBe(true);
  });
});
