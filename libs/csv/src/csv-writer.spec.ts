import { parseCsv } from './csv-parser';
import { toCsv, toCsvField, toCsvRow } from './csv-writer';

describe('toCsv', () => {
  it('writes the header and rows with CRLF line ends, plain fields unquoted', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['1', 2],
          [true, 'x'],
        ],
      ),
    ).toBe('a,b\r\n1,2\r\ntrue,x\r\n');
    expect(toCsv(['a'], [])).toBe('a\r\n');
  });

  it('quotes fields with a comma, a quote, CR or LF, or leading/trailing space, doubling inner quotes', () => {
    expect(toCsvField('x, y')).toBe('"x, y"');
    expect(toCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(toCsvField('two\nlines')).toBe('"two\nlines"');
    expect(toCsvField('cr\rhere')).toBe('"cr\rhere"');
    expect(toCsvField(' lead')).toBe('" lead"');
    expect(toCsvField('trail\t')).toBe('"trail\t"');
    expect(toCsvField('in side')).toBe('in side');
    expect(toCsvField('')).toBe('');
  });

  it('writes null and undefined as empty fields, dates as ISO 8601, objects as JSON', () => {
    expect(toCsvRow([null, undefined, 0, false])).toBe(',,0,false\r\n');
    expect(toCsvField(new Date('2025-04-01T09:00:00Z'))).toBe('2025-04-01T09:00:00.000Z');
    expect(toCsvField({ cpu: 'M3' })).toBe('"{""cpu"":""M3""}"');
  });

  it('prefixes a byte order mark when asked', () => {
    expect(toCsv(['名前'], [['山田']], { bom: true })).toBe('\uFEFF名前\r\n山田\r\n');
  });

  it('round-trips through the parser, Japanese and emoji included', () => {
    const rows = [
      ['ノートPC 💻', 'a,b', 'q"uote', ' padded ', 'multi\r\nline', ''],
      ['', '', '', '', '', '🎉'],
    ];
    const header = ['name', 'c1', 'c2', 'c3', 'c4', 'c5'];
    const parsed = parseCsv(toCsv(header, rows, { bom: true }));
    expect(parsed.problems).toEqual([]);
    expect(parsed.header).toEqual(header);
    expect(parsed.records.map((r) => header.map((h) => r.values[h]))).toEqual(rows);
  });
});
