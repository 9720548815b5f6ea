import { ROLES } from '@helpdesk/contracts';
import { visibleAudiences } from './search-visibility';

describe('visibleAudiences', () => {
  it('lets employees find only articles for employees, whatever they ask for', () => {
    expect(visibleAudiences(['employee'])).toEqual(['employees']);
    expect(visibleAudiences(['employee'], 'it_staff')).toEqual([]);
    expect(visibleAudiences(['employee'], 'employees')).toEqual(['employees']);
  });

  it.each(ROLES.filter((r) => r !== 'employee'))('lets %s find IT-only articles too', (role) => {
    expect(visibleAudiences([role])).toEqual(['employees', 'it_staff']);
    expect(visibleAudiences(['employee', role], 'it_staff')).toEqual(['it_staff']);
  });
});
