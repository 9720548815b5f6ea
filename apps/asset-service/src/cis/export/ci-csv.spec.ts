import { parseCsv } from '@helpdesk/csv';
import { CiEntity } from '../entities/ci.entity';
import { ciCsvColumns, ciCsvRecord, csvHeader } from './ci-csv';

describe('CI CSV', () => {
  it('writes a header and CRLF records with the CI\u2019s fields (text defused) and attribute columns', () => {
    const columns = ciCsvColumns(['memory_gb', 'owner_note']);
    const header = csvHeader(columns);
    expect(header.endsWith('\r\n')).toBe(true);
    expect(header.trim().split(',')).toEqual([
      'number',
      'type',
      'name',
      'state',
      'assetTag',
      'serialNumber',
      'model',
      'manufacturer',
      'purchaseDate',
      'purchaseCost',
      'warrantyEnd',
      'location',
      'os',
      'ipAddress',
      'macAddress',
      'seatsOwned',
      'licenceExpiresOn',
      'licenceId',
      'assignedToId',
      'assignedToName',
      'department',
      'assignedAt',
      'attr.memory_gb',
      'attr.owner_note',
      'id',
      'version',
      'createdAt',
      'updatedAt',
    ]);
    const ci = Object.assign(new CiEntity(), {
      number: 'CI-00001',
      type: 'laptop',
      name: '=PC, "A"',
      state: 'in_stock',
      purchaseCost: '189000.00',
      location: '東京 🗼',
      attributes: { memory_gb: -16, owner_note: '@home' },
      version: 2,
      updatedAt: new Date('2025-04-01T00:00:00.000Z'),
    });
    const record = ciCsvRecord(columns, ci);
    expect(record.endsWith('\r\n')).toBe(true);
    const { records, problems } = parseCsv(header + record);
    expect(problems).toEqual([]);
    expect(records[0].values).toMatchObject({
      number: 'CI-00001',
      name: `'=PC, "A"`,
      purchaseCost: '189000.00',
      location: '東京 🗼',
      assetTag: '',
      'attr.memory_gb': '-16',
      'attr.owner_note': "'@home",
      version: '2',
      updatedAt: '2025-04-01T00:00:00.000Z',
    });
  });
});
