import { CI_TYPES, CiType } from '@helpdesk/contracts';
import { AttributeDefinitionEntity } from '../../attributes/attribute-definition.entity';
import { CiEntity } from '../entities/ci.entity';
import {
  appliesTo,
  CI_FIELDS,
  CI_TYPE_FIELDS,
  checkCiInput,
  CiField,
  CiInput,
  ciTypeFieldRules,
  isAssignableType,
  isHardware,
} from './ci-type-rules';

const HARDWARE: CiType[] = ['laptop', 'desktop', 'monitor', 'phone', 'tablet', 'server', 'network_device', 'printer'];
const HARDWARE_FIELDS: CiField[] = [
  'assetTag',
  'serialNumber',
  'model',
  'manufacturer',
  'purchaseDate',
  'purchaseCost',
  'warrantyEnd',
  'location',
];

/** The field table, written out per type. */
const EXPECTED_FIELDS: Record<CiType, CiField[]> = {
  laptop: [...HARDWARE_FIELDS, 'os', 'ipAddress', 'macAddress'],
  desktop: [...HARDWARE_FIELDS, 'os', 'ipAddress', 'macAddress'],
  server: [...HARDWARE_FIELDS, 'os', 'ipAddress', 'macAddress'],
  phone: [...HARDWARE_FIELDS, 'os', 'ipAddress', 'macAddress'],
  tablet: [...HARDWARE_FIELDS, 'os', 'ipAddress', 'macAddress'],
  network_device: [...HARDWARE_FIELDS, 'ipAddress', 'macAddress'],
  printer: [...HARDWARE_FIELDS, 'ipAddress', 'macAddress'],
  monitor: HARDWARE_FIELDS,
  software_product: ['model', 'manufacturer'],
  software_installation: ['model', 'licenceId'],
  licence: ['manufacturer', 'purchaseDate', 'purchaseCost', 'seatsOwned', 'licenceExpiresOn'],
  saas_account: ['licenceId'],
  business_service: [],
};

/** A valid, non-empty value of each field, as a CSV cell would carry it. */
const SAMPLE: Record<CiField, string> = {
  assetTag: 'PC-0001',
  serialNumber: 'SN123',
  model: 'ThinkPad X1',
  manufacturer: 'Lenovo',
  purchaseDate: '2025-04-01',
  purchaseCost: '189000',
  warrantyEnd: '2028-03-31',
  location: '東京本社 3F',
  os: 'Windows 11',
  ipAddress: '10.0.0.5',
  macAddress: '3c-22-fb-12-ab-cd',
  seatsOwned: '25',
  licenceExpiresOn: '2026-03-31',
  licenceId: 'CI-00007',
};

function definition(ciType: CiType, key: string, dataType: AttributeDefinitionEntity['dataType'], required = false) {
  return Object.assign(new AttributeDefinitionEntity(), { id: `${ciType}-${key}`, ciType, key, dataType, required });
}

function existing(overrides: Partial<CiEntity>): CiEntity {
  return Object.assign(new CiEntity(), {
    id: '0f8fad5b-d9cb-469f-a165-70867728950e',
    number: 'CI-00001',
    type: 'laptop',
    name: 'PC',
    state: 'deployed',
    ...Object.fromEntries(CI_FIELDS.map((f) => [f, null])),
    attributes: {},
    version: 3,
    ...overrides,
  });
}

describe('CI type rules', () => {
  it.each(CI_TYPES)('%s takes exactly the fields of the issue', (type) => {
    expect(CI_TYPE_FIELDS[type]).toEqual(EXPECTED_FIELDS[type]);
    expect(CI_FIELDS.filter((f) => appliesTo(f, type))).toEqual(EXPECTED_FIELDS[type]);
  });

  it('knows hardware and what can be assigned to a person', () => {
    expect(CI_TYPES.filter(isHardware)).toEqual(HARDWARE);
    expect(CI_TYPES.filter(isAssignableType)).toEqual([...HARDWARE, 'saas_account']);
  });

  it('describes each type\u2019s fields with required flags and formats', () => {
    expect(ciTypeFieldRules('licence')).toEqual([
      { field: 'name', required: true, format: 'text on one line, at most 200 characters' },
      { field: 'manufacturer', required: false, format: 'text on one line, at most 200 characters' },
      { field: 'purchaseDate', required: false, format: 'date YYYY-MM-DD' },
      { field: 'purchaseCost', required: false, format: expect.stringContaining('at most 2 decimals') },
      { field: 'seatsOwned', required: true, format: 'whole number ≥ 0' },
      { field: 'licenceExpiresOn', required: false, format: 'date YYYY-MM-DD' },
    ]);
    expect(ciTypeFieldRules('business_service').map((r) => r.field)).toEqual(['name']);
  });

  describe.each(CI_TYPES)('creating a %s', (type) => {
    it('accepts every field of the type and normalises them; the rest are null', () => {
      const input: CiInput = { type, name: ' 名前 🚀 ', ...Object.fromEntries(EXPECTED_FIELDS[type].map((f) => [f, SAMPLE[f]])) };
      const { value, problems } = checkCiInput(input, [], 'create');
      expect(problems).toEqual([]);
      expect(value).toMatchObject({ type, name: '名前 🚀', state: 'in_stock', attributes: {} });
      for (const field of CI_FIELDS) {
        const expected = EXPECTED_FIELDS[type].includes(field) ? expect.anything() : null;
        expect({ field, value: value[field] }).toEqual({ field, value: expected });
      }
    });

    it('refuses each field the type does not take, naming it', () => {
      for (const field of CI_FIELDS.filter((f) => !EXPECTED_FIELDS[type].includes(f))) {
        const { problems } = checkCiInput({ type, name: 'x', seatsOwned: 1, [field]: SAMPLE[field] }, [], 'create');
        expect(problems).toContainEqual({ field, reason: `does not apply to ${type}` });
      }
    });

    it('lets empty cells of fields the type does not take through (a CSV row has every column)', () => {
      const empties = Object.fromEntries(CI_FIELDS.filter((f) => !EXPECTED_FIELDS[type].includes(f)).map((f) => [f, '']));
      const { problems } = checkCiInput({ type, name: 'x', seatsOwned: '3', ...empties }, [], 'create');
      expect(problems.filter((p) => !EXPECTED_FIELDS[type].includes(p.field as CiField))).toEqual([]);
    });
  });

  it('normalises CSV strings: numbers, MAC, type and state case', () => {
    const { value, problems } = checkCiInput(
      {
        type: ' Laptop ',
        name: 'PC',
        state: 'ORDERED',
        purchaseCost: '1234.5',
        macAddress: 'aa-bb-cc-dd-ee-ff',
        ipAddress: '2001:DB8::5',
      },
      [],
      'create',
    );
    expect(problems).toEqual([]);
    expect(value).toMatchObject({
      type: 'laptop',
      state: 'ordered',
      purchaseCost: '1234.50',
      macAddress: 'AA:BB:CC:DD:EE:FF',
      ipAddress: '2001:db8::5',
    });
    const licence = checkCiInput({ type: 'licence', name: 'Office', seatsOwned: '25', licenceId: '' }, [], 'create');
    expect(licence.problems).toEqual([]);
    expect(licence.value.seatsOwned).toBe(25);
  });

  it('requires type and name on create, and reports every problem at once', () => {
    expect(checkCiInput({}, [], 'create').problems).toEqual([
      { field: 'type', reason: 'is required' },
      { field: 'name', reason: 'is required' },
    ]);
    expect(
      checkCiInput(
        {
          type: 'laptop',
          name: 'a\u0000b',
          state: 'lost',
          ipAddress: '999.1.1.1',
          purchaseDate: '2025-02-30',
          purchaseCost: -5,
          seatsOwned: 3,
        },
        [],
        'create',
      ).problems,
    ).toEqual([
      { field: 'name', reason: 'must be on one line, without control characters' },
      { field: 'state', reason: expect.stringMatching(/^must be one of ordered, in_stock/) },
      { field: 'purchaseDate', reason: 'must be a real date YYYY-MM-DD' },
      { field: 'purchaseCost', reason: 'must not be negative' },
      { field: 'ipAddress', reason: 'must be an IPv4 or IPv6 address' },
      { field: 'seatsOwned', reason: 'does not apply to laptop' },
    ]);
    expect(checkCiInput({ type: 'spaceship', name: 'x' }, [], 'create').problems).toEqual([
      { field: 'type', reason: expect.stringMatching(/^must be one of laptop, desktop/) },
    ]);
  });

  it('requires seats on a licence, as a whole number ≥ 0', () => {
    expect(checkCiInput({ type: 'licence', name: 'Office' }, [], 'create').problems).toEqual([
      { field: 'seatsOwned', reason: 'is required for licence' },
    ]);
    expect(checkCiInput({ type: 'licence', name: 'Office', seatsOwned: '-1' }, [], 'create').problems).toEqual([
      { field: 'seatsOwned', reason: 'must not be negative' },
    ]);
    expect(checkCiInput({ type: 'licence', name: 'Office', seatsOwned: 0 }, [], 'create').problems).toEqual([]);
    const licence = existing({ type: 'licence', seatsOwned: 10 });
    expect(checkCiInput({ seatsOwned: null }, [], 'update', licence).problems).toEqual([
      { field: 'seatsOwned', reason: 'is required for licence' },
    ]);
  });

  it('keeps warranty end on or after the purchase date, also against the stored one', () => {
    expect(
      checkCiInput({ type: 'laptop', name: 'PC', purchaseDate: '2025-04-01', warrantyEnd: '2025-03-31' }, [], 'create').problems,
    ).toEqual([{ field: 'warrantyEnd', reason: 'must not be before purchaseDate (2025-04-01)' }]);
    expect(
      checkCiInput({ type: 'laptop', name: 'PC', purchaseDate: '2025-04-01', warrantyEnd: '2025-04-01' }, [], 'create').problems,
    ).toEqual([]);
    const pc = existing({ purchaseDate: '2025-04-01', warrantyEnd: '2028-03-31' });
    expect(checkCiInput({ warrantyEnd: '2024-12-31' }, [], 'update', pc).problems).toEqual([
      { field: 'warrantyEnd', reason: 'must not be before purchaseDate (2025-04-01)' },
    ]);
    expect(checkCiInput({ purchaseDate: '2029-01-01' }, [], 'update', pc).problems).toEqual([
      { field: 'warrantyEnd', reason: 'must not be before purchaseDate (2029-01-01)' },
    ]);
  });

  it('updates only what is given (null clears), and keeps type and state out of edits', () => {
    const pc = existing({ location: '大阪', os: 'Windows 10' });
    const { value, problems } = checkCiInput({ location: null, os: ' Windows 11 ' }, [], 'update', pc);
    expect(problems).toEqual([]);
    expect(value).toEqual({ location: null, os: 'Windows 11' });
    expect(checkCiInput({ name: ' ' }, [], 'update', pc).problems).toEqual([{ field: 'name', reason: 'must not be empty' }]);
    expect(checkCiInput({ type: 'laptop', state: 'deployed' }, [], 'update', pc).problems).toEqual([]);
    expect(checkCiInput({ type: 'desktop', state: 'retired' }, [], 'update', pc).problems).toEqual([
      { field: 'type', reason: 'cannot be changed (is laptop)' },
      { field: 'state', reason: expect.stringContaining('/transition') },
    ]);
    expect(checkCiInput({ seatsOwned: 3 }, [], 'update', pc).problems).toEqual([
      { field: 'seatsOwned', reason: 'does not apply to laptop' },
    ]);
    expect(() => checkCiInput({}, [], 'update')).toThrow('an update needs the current CI');
  });

  describe('custom attributes', () => {
    const definitions = [
      definition('laptop', 'cpu', 'string'),
      definition('laptop', 'memory_gb', 'number', true),
      definition('laptop', 'encrypted', 'boolean'),
      definition('laptop', 'lease_end', 'date'),
      definition('server', 'rack', 'string', true),
    ];

    it('validates values by data type on create and requires the required ones of the type only', () => {
      const { value, problems } = checkCiInput(
        { type: 'laptop', name: 'PC', attributes: { cpu: 'Core i7 ⚡', memory_gb: '16', encrypted: 'true', lease_end: '' } },
        definitions,
        'create',
      );
      expect(problems).toEqual([]);
      expect(value.attributes).toEqual({ cpu: 'Core i7 ⚡', memory_gb: 16, encrypted: true });
      expect(checkCiInput({ type: 'laptop', name: 'PC' }, definitions, 'create').problems).toEqual([
        { field: 'attributes.memory_gb', reason: 'is required for laptop' },
      ]);
    });

    it('refuses unknown keys (also another type\u2019s) and bad values, naming attributes.<key>', () => {
      const { problems } = checkCiInput(
        { type: 'laptop', name: 'PC', attributes: { memory_gb: 'lots', rack: 'A1', colour: 'red', encrypted: 1 } },
        definitions,
        'create',
      );
      expect(problems).toEqual([
        { field: 'attributes.memory_gb', reason: 'must be a number' },
        { field: 'attributes.rack', reason: 'is not defined for laptop' },
        { field: 'attributes.colour', reason: 'is not defined for laptop' },
        { field: 'attributes.encrypted', reason: 'must be true or false' },
      ]);
      expect(checkCiInput({ type: 'laptop', name: 'PC', attributes: [] as never }, definitions, 'create').problems).toEqual([
        { field: 'attributes', reason: 'must be an object of custom attribute values by key' },
      ]);
    });

    it('merges edits onto the stored values; null removes; required is enforced only on the edited attribute', () => {
      // Stored before memory_gb was made required: still valid while nobody touches it.
      const pc = existing({ attributes: { cpu: 'i5', encrypted: false } });
      expect(checkCiInput({ name: 'PC 2' }, definitions, 'update', pc)).toEqual({ value: { name: 'PC 2' }, problems: [] });
      expect(checkCiInput({ attributes: { cpu: null, encrypted: 'TRUE' } }, definitions, 'update', pc)).toEqual({
        value: { attributes: { encrypted: true } },
        problems: [],
      });
      expect(checkCiInput({ attributes: { memory_gb: null } }, definitions, 'update', pc).problems).toEqual([
        { field: 'attributes.memory_gb', reason: 'is required for laptop' },
      ]);
      expect(checkCiInput({ attributes: { memory_gb: 32 } }, definitions, 'update', pc).value.attributes).toEqual({
        cpu: 'i5',
        encrypted: false,
        memory_gb: 32,
      });
    });
  });
});
