import { v5 as uuidv5 } from 'uuid';
import { SERVICENOW_ID_NAMESPACE, SERVICENOW_ID_RESOLVER, serviceNowGroupId, serviceNowUserId } from './servicenow-directory-ids';

describe('ServiceNow ids', () => {
  it('are UUID v5 of a kind-prefixed name: the same on every import, distinct per kind', () => {
    expect(serviceNowGroupId('Group 56')).toBe(uuidv5('servicenow:group:Group 56', SERVICENOW_ID_NAMESPACE));
    expect(serviceNowUserId('Resolver 7')).toBe(uuidv5('servicenow:user:Resolver 7', SERVICENOW_ID_NAMESPACE));
    expect(serviceNowUserId('Resolver 7')).toBe(serviceNowUserId('Resolver 7'));
    expect(serviceNowGroupId('X')).not.toBe(serviceNowUserId('X'));
    expect(serviceNowUserId('Opened by  8')).not.toBe(serviceNowUserId('Opened by 8'));
    expect(serviceNowUserId('山田 花子 🌸')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('bind plan commands through the resolver', () => {
    expect(SERVICENOW_ID_RESOLVER.groupId('Group 56')).toBe(serviceNowGroupId('Group 56'));
    expect(SERVICENOW_ID_RESOLVER.userId('Caller 1')).toBe(serviceNowUserId('Caller 1'));
    expect(SERVICENOW_ID_RESOLVER.ciId).toBeUndefined();
  });
});
