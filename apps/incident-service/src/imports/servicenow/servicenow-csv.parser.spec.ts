import { parseServiceNowCsv, readServiceNowCsv, SERVICENOW_REQUIRED_COLUMNS, ServiceNowCsvParser } from './servicenow-csv.parser';

// The generic RFC 4180 behaviour (quoting, line ends, BOM, chunks, UTF-8, row problems) is tested in libs/csv.
describe('ServiceNowCsvParser', () => {
  const header = SERVICENOW_REQUIRED_COLUMNS.join(',');
  const row = SERVICENOW_REQUIRED_COLUMNS.map((c) => (c === 'number' ? 'INC0000001' : '?')).join(',');

  it('requires the ServiceNow columns by default', () => {
    const result = parseServiceNowCsv('number,incident_state\nINC1,New\n');
    expect(result.records).toEqual([]);
    expect(result.problems.map((p) => p.field)).toContain('sys_updated_at');
    expect(result.problems.every((p) => p.row === 1 && p.reason === 'Required column is missing from the header')).toBe(true);
  });

  it('reads the export keyed by its columns, other columns allowed', async () => {
    const text = `\uFEFF${header},active\r\n${row},true\r\n`;
    const result = parseServiceNowCsv(text);
    expect(result.problems).toEqual([]);
    expect(result.records).toHaveLength(1);
    expect(result.records[0]).toMatchObject({ row: 2, values: { number: 'INC0000001', active: 'true', caller_id: '?' } });
    const parser = new ServiceNowCsvParser();
    const streamed = [];
    async function* bytes() {
      yield Buffer.from(text, 'utf8');
    }
    for await (const record of readServiceNowCsv(bytes(), parser)) streamed.push(record);
    expect(streamed).toEqual(result.records);
  });

  it('takes other required columns when told', () => {
    const result = parseServiceNowCsv('a,c\n1,2\n', { requiredColumns: ['a', 'b'] });
    expect(result.problems).toEqual([{ row: 1, field: 'b', reason: 'Required column is missing from the header' }]);
  });
});
