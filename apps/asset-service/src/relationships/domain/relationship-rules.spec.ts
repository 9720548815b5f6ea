import { CI_TYPES, CiType, RELATIONSHIP_TYPES } from '@helpdesk/contracts';
import { DEVICE_TYPES, HARDWARE_TYPES, RELATIONSHIP_RULES, relationshipRuleViolation } from './relationship-rules';

describe('relationship type rules', () => {
  const allowed = (type: (typeof RELATIONSHIP_TYPES)[number], source: CiType, target: CiType) =>
    relationshipRuleViolation(type, source, target) === null;

  it('installs software installations on devices only', () => {
    for (const device of DEVICE_TYPES) expect(allowed('installed_on', 'software_installation', device)).toBe(true);
    expect(allowed('installed_on', 'software_installation', 'monitor')).toBe(false);
    expect(allowed('installed_on', 'software_installation', 'network_device')).toBe(false);
    expect(allowed('installed_on', 'software_product', 'laptop')).toBe(false);
    expect(allowed('installed_on', 'laptop', 'server')).toBe(false);
    expect(relationshipRuleViolation('installed_on', 'software_product', 'laptop')).toBe(
      'installed_on goes from a software_installation to laptop, desktop, server, phone or tablet, ' +
        'not from software_product to laptop',
    );
  });

  it('runs servers, software and business services on servers', () => {
    for (const source of ['server', 'software_product', 'software_installation', 'business_service'] as const) {
      expect(allowed('runs_on', source, 'server')).toBe(true);
      expect(allowed('runs_on', source, 'laptop')).toBe(false);
    }
    expect(allowed('runs_on', 'laptop', 'server')).toBe(false);
    expect(allowed('runs_on', 'licence', 'server')).toBe(false);
    expect(relationshipRuleViolation('runs_on', 'software_product', 'desktop')).toContain('to a server');
  });

  it('connects hardware to hardware only', () => {
    for (const a of HARDWARE_TYPES) for (const b of HARDWARE_TYPES) expect(allowed('connected_to', a, b)).toBe(true);
    const soft = CI_TYPES.filter((t) => !HARDWARE_TYPES.includes(t));
    expect(soft).toEqual(['software_product', 'software_installation', 'licence', 'saas_account', 'business_service']);
    for (const s of soft) {
      expect(allowed('connected_to', s, 'server')).toBe(false);
      expect(allowed('connected_to', 'network_device', s)).toBe(false);
    }
  });

  it('lets depends_on and used_by join any two types', () => {
    for (const type of ['depends_on', 'used_by'] as const)
      for (const a of CI_TYPES) for (const b of CI_TYPES) expect(allowed(type, a, b)).toBe(true);
  });

  it('has a rule for every relationship type, each allowing something and refusing installed_on server to server', () => {
    expect(Object.keys(RELATIONSHIP_RULES).sort()).toEqual([...RELATIONSHIP_TYPES].sort());
    for (const type of RELATIONSHIP_TYPES) {
      expect(CI_TYPES.some((a) => CI_TYPES.some((b) => allowed(type, a, b)))).toBe(true);
    }
    expect(allowed('installed_on', 'server', 'server')).toBe(false);
  });
});
