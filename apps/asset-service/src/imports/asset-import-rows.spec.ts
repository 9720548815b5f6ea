import type { AttributeDefinitionEntity } from '../attributes/attribute-definition.entity';
import { ImportLookups, ImportPerson, ImportRow, planImportRows, serialKey } from './asset-import-rows';

const LICENCE_ID = '11111111-1111-4111-8111-111111111111';
const LAPTOP_ID = '22222222-2222-4222-8222-222222222222';
const hanako: ImportPerson = {
  id: '33333333-3333-4333-8333-333333333333',
  displayName: '山田 花子',
  email: 'Hanako@example.com',
  department: '営業部',
  active: true,
};
const leaver: ImportPerson = {
  id: '44444444-4444-4444-8444-444444444444',
  displayName: 'Left',
  email: 'left@example.com',
  department: null,
  active: false,
};

const cpu = { ciType: 'laptop', key: 'cpu', dataType: 'string', required: false } as AttributeDefinitionEntity;
const memory = { ciType: 'laptop', key: 'memory_gb', dataType: 'number', required: true } as AttributeDefinitionEntity;

function lookups(overrides: Partial<ImportLookups> = {}): ImportLookups {
  return {
    definitions: [cpu, memory],
    cis: new Map([
      [LICENCE_ID, { id: LICENCE_ID, number: 'CI-00001', type: 'licence' as const }],
      ['CI-00001', { id: LICENCE_ID, number: 'CI-00001', type: 'licence' as const }],
      ['CI-00002', { id: LAPTOP_ID, number: 'CI-00002', type: 'laptop' as const }],
    ]),
    people: [hanako, leaver],
    assetTags: new Map([['PC-TAKEN', 'CI-00002']]),
    serials: new Map([[serialKey('Lenovo', 'SN-TAKEN'), 'CI-00002']]),
    ...overrides,
  };
}

let rowNumber = 1;
function row(fields: ImportRow['fields'], attributes: Record<string, string> = {}): ImportRow {
  return { row: ++rowNumber, fields, attributes };
}

function plan(rows: ImportRow[], l = lookups()) {
  let n = 0;
  return planImportRows(rows, l, () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`);
}

beforeEach(() => (rowNumber = 1));

describe('planImportRows', () => {
  it('plans valid rows with the CI rules applied (Japanese and emoji kept, attributes typed, empty cells null)', () => {
    const result = plan([
      row(
        { type: 'Laptop', name: ' 営業用ノート 💻 ', assetTag: 'PC-001', purchaseCost: '189000', os: '' },
        { cpu: 'M3', memory_gb: '16' },
      ),
    ]);
    expect(result.problems).toEqual([]);
    expect(result.planned).toHaveLength(1);
    expect(result.planned[0]).toMatchObject({
      row: 2,
      id: '00000000-0000-4000-8000-000000000001',
      licenceId: null,
      assignee: null,
      value: {
        type: 'laptop',
        name: '営業用ノート 💻',
        state: 'in_stock',
        assetTag: 'PC-001',
        purchaseCost: '189000.00',
        os: null,
        attributes: { cpu: 'M3', memory_gb: 16 },
      },
    });
  });

  it('reports every problem of every row, by CI field, and plans none of the bad rows', () => {
    const result = plan([
      row({ type: 'toaster', name: '' }),
      row({ type: 'laptop', name: 'ok', purchaseDate: '2025-02-30', macAddress: 'nope' }, { memory_gb: 'lots' }),
      row({ type: 'monitor', name: 'ok', os: 'Linux' }, { cpu: 'x' }),
      row({ type: 'laptop', name: 'fine' }, { memory_gb: '8' }),
    ]);
    expect(result.problems.map((p) => [p.row, p.field])).toEqual([
      [2, 'type'],
      [2, 'name'],
      [3, 'purchaseDate'],
      [3, 'macAddress'],
      [3, 'attributes.memory_gb'],
      [4, 'os'],
      [4, 'attributes.cpu'],
    ]);
    expect(result.planned.map((p) => p.row)).toEqual([5]);
  });

  it('leaves empty attribute cells out, so one type’s attribute column does not trouble other types’ rows', () => {
    const result = plan([row({ type: 'monitor', name: 'Dell 27' }, { cpu: '', memory_gb: ' ' })]);
    expect(result.problems).toEqual([]);
  });

  it('refuses asset tags and serial numbers used twice in the file or already in the CMDB', () => {
    const result = plan([
      row({ type: 'laptop', name: 'a', assetTag: 'PC-1', manufacturer: 'Lenovo', serialNumber: 'SN-1' }, { memory_gb: '8' }),
      row({ type: 'laptop', name: 'b', assetTag: 'PC-1', manufacturer: 'Lenovo', serialNumber: 'SN-1' }, { memory_gb: '8' }),
      row(
        { type: 'laptop', name: 'c', assetTag: 'PC-TAKEN', manufacturer: 'Lenovo', serialNumber: 'SN-TAKEN' },
        { memory_gb: '8' },
      ),
      row({ type: 'laptop', name: 'd', assetTag: 'PC-2', manufacturer: 'Apple', serialNumber: 'SN-1' }, { memory_gb: '8' }),
    ]);
    expect(result.problems).toEqual([
      { row: 3, field: 'assetTag', reason: 'duplicates the asset tag of row 2' },
      { row: 3, field: 'serialNumber', reason: 'duplicates the serial number of row 2 (manufacturer Lenovo)' },
      { row: 4, field: 'assetTag', reason: 'is already the asset tag of CI-00002' },
      { row: 4, field: 'serialNumber', reason: 'is already the serial number of CI-00002 (manufacturer Lenovo)' },
    ]);
    expect(result.planned.map((p) => p.row)).toEqual([2, 5]);
  });

  it('resolves a licence by CI number or id, or by the name of a licence on an earlier row', () => {
    const result = plan([
      row({ type: 'licence', name: 'Microsoft 365 E3', seatsOwned: '10' }),
      row({ type: 'software_installation', name: 'Office on PC-1', licence: 'ci-00001' }),
      row({ type: 'saas_account', name: 'M365 山田', licence: ' Microsoft 365 E3 ' }),
      row({ type: 'saas_account', name: 'by id', licence: LICENCE_ID.toUpperCase() }),
    ]);
    expect(result.problems).toEqual([]);
    expect(result.planned.map((p) => p.licenceId)).toEqual([null, LICENCE_ID, result.planned[0].id, LICENCE_ID]);
  });

  it('refuses a licence that is later in the file, ambiguous, missing, not a licence, or on a type without licences', () => {
    const result = plan([
      row({ type: 'saas_account', name: 'early', licence: 'Adobe CC' }),
      row({ type: 'licence', name: 'Adobe CC', seatsOwned: '5' }),
      row({ type: 'licence', name: 'Twin', seatsOwned: '1' }),
      row({ type: 'licence', name: 'Twin', seatsOwned: '1' }),
      row({ type: 'saas_account', name: 'twin', licence: 'Twin' }),
      row({ type: 'saas_account', name: 'missing', licence: 'CI-09999' }),
      row({ type: 'saas_account', name: 'laptop', licence: 'CI-00002' }),
      row({ type: 'saas_account', name: 'unknown', licence: 'Nothing by that name' }),
      row({ type: 'laptop', name: 'no licences', licence: 'CI-00001' }, { memory_gb: '8' }),
    ]);
    expect(result.problems).toEqual([
      {
        row: 2,
        field: 'licenceId',
        reason: 'is the licence of row 3, which comes later: put licence rows before the rows that use them',
      },
      { row: 6, field: 'licenceId', reason: 'matches the licences of rows 4, 5: give them distinct names or use a CI number' },
      { row: 7, field: 'licenceId', reason: 'is no CI (CI-09999): give the UUID or number of a licence CI' },
      { row: 8, field: 'licenceId', reason: 'CI-00002 is a laptop, not a licence' },
      {
        row: 9,
        field: 'licenceId',
        reason: 'must be the UUID or number (CI-00042) of a licence CI, or the name of a licence on an earlier row of this file',
      },
      { row: 10, field: 'licenceId', reason: 'does not apply to laptop' },
    ]);
  });

  it('assigns to an active person by e-mail (any case) or id, deploying a CI in stock', () => {
    const result = plan([
      row({ type: 'laptop', name: 'a', assignedTo: 'HANAKO@example.com' }, { memory_gb: '8' }),
      row({ type: 'saas_account', name: 'b', assignedTo: hanako.id, state: 'deployed' }),
    ]);
    expect(result.problems).toEqual([]);
    expect(result.planned.map((p) => [p.assignee?.id, p.value.state])).toEqual([
      [hanako.id, 'deployed'],
      [hanako.id, 'deployed'],
    ]);
  });

  it('refuses an unknown or inactive assignee, an unassignable type, and a state that cannot have one', () => {
    const twin = { ...hanako, id: '55555555-5555-4555-8555-555555555555' };
    const result = plan(
      [
        row({ type: 'laptop', name: 'a', assignedTo: 'nobody@example.com' }, { memory_gb: '8' }),
        row({ type: 'laptop', name: 'b', assignedTo: 'LEFT@example.com' }, { memory_gb: '8' }),
        row({ type: 'server', name: 'c', assignedTo: 'not an address' }),
        row({ type: 'licence', name: 'd', seatsOwned: '1', assignedTo: hanako.email! }),
        row({ type: 'laptop', name: 'e', state: 'retired', assignedTo: hanako.id }, { memory_gb: '8' }),
        row({ type: 'laptop', name: 'f', assignedTo: 'hanako@EXAMPLE.com' }, { memory_gb: '8' }),
      ],
      lookups({ people: [hanako, leaver, twin] }),
    );
    expect(result.problems).toEqual([
      { row: 2, field: 'assignedToId', reason: 'is no known person (nobody@example.com)' },
      { row: 3, field: 'assignedToId', reason: 'LEFT@example.com is no longer active (deactivated)' },
      { row: 4, field: 'assignedToId', reason: 'must be the e-mail address or id of a person' },
      {
        row: 5,
        field: 'assignedToId',
        reason: 'does not apply to licence: only hardware and SaaS accounts are assigned to people',
      },
      { row: 6, field: 'assignedToId', reason: 'cannot be set on a CI that is retired (only in_stock, deployed or in_repair)' },
      { row: 7, field: 'assignedToId', reason: "hanako@EXAMPLE.com matches several people: use the person's id" },
    ]);
    expect(result.planned).toEqual([]);
  });
});
