import { columnOfField, mapImportHeader } from './asset-import-columns';

const keys = new Set(['cpu', 'memory_gb']);

describe('mapImportHeader', () => {
  it('matches field columns exactly but case-insensitively, and attr.<key> columns by defined key', () => {
    const { header, problems } = mapImportHeader(
      ['Type', 'NAME', 'assettag', 'licence', 'AssignedTo', 'ATTR.CPU', 'attr.memory_gb'],
      keys,
    );
    expect(problems).toEqual([]);
    expect([...header.columns.values()]).toEqual([
      { kind: 'field', name: 'type' },
      { kind: 'field', name: 'name' },
      { kind: 'field', name: 'assetTag' },
      { kind: 'field', name: 'licence' },
      { kind: 'field', name: 'assignedTo' },
      { kind: 'attribute', key: 'cpu' },
      { kind: 'attribute', key: 'memory_gb' },
    ]);
    expect(header.written.get('assetTag')).toBe('assettag');
    expect(header.written.get('attr.cpu')).toBe('ATTR.CPU');
  });

  it('refuses unknown columns (snake_case spellings, undefined attributes), duplicates, and a missing type or name', () => {
    const { problems } = mapImportHeader(['type', 'asset_tag', 'attr.colour', 'Type', 'licence_id', 'attributes.cpu'], keys);
    expect(problems.map((p) => [p.row, p.field])).toEqual([
      [1, 'asset_tag'],
      [1, 'attr.colour'],
      [1, 'Type'],
      [1, 'licence_id'],
      [1, 'attributes.cpu'],
      [1, 'name'],
    ]);
    expect(problems[0].reason).toMatch(/^is not a column of the asset import; columns: type, name, state/);
    expect(problems[1].reason).toMatch(/is not a custom attribute of any CI type/);
    expect(problems[2].reason).toBe('names the same column as type (header names are case-insensitive)');
    expect(problems[5].reason).toBe('Required column is missing from the header');
  });
});

describe('mapImportHeader on the list export', () => {
  it('reads its reference columns by their export names and passes over what the CMDB sets', () => {
    const exported = ['number', 'type', 'name', 'state', 'licenceId', 'assignedToId', 'assignedToName', 'department'];
    const { header, problems } = mapImportHeader([...exported, 'assignedAt', 'id', 'version', 'createdAt', 'updatedAt'], keys);
    expect(problems).toEqual([]);
    expect([...header.columns.entries()]).toEqual([
      ['type', { kind: 'field', name: 'type' }],
      ['name', { kind: 'field', name: 'name' }],
      ['state', { kind: 'field', name: 'state' }],
      ['licenceId', { kind: 'field', name: 'licence' }],
      ['assignedToId', { kind: 'field', name: 'assignedTo' }],
    ]);
  });

  it('still refuses both spellings of one column', () => {
    const { problems } = mapImportHeader(['type', 'name', 'licence', 'licenceId'], keys);
    expect(problems).toEqual([
      { row: 1, field: 'licenceId', reason: 'names the same column as licence (header names are case-insensitive)' },
    ]);
  });
});

describe('columnOfField', () => {
  it('names the column of a CI field as the file writes it', () => {
    const { header } = mapImportHeader(['type', 'name', 'PurchaseDate', 'Licence', 'attr.cpu'], keys);
    expect(columnOfField('purchaseDate', header)).toBe('PurchaseDate');
    expect(columnOfField('licenceId', header)).toBe('Licence');
    expect(columnOfField('attributes.cpu', header)).toBe('attr.cpu');
    expect(columnOfField('assignedToId', header)).toBe('assignedTo');
    // A required field the file has no column for: its canonical name.
    expect(columnOfField('seatsOwned', header)).toBe('seatsOwned');
    expect(columnOfField('attributes.memory_gb', header)).toBe('attr.memory_gb');
  });
});
