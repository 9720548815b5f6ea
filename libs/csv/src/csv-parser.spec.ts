import { CsvParser, parseCsv, readCsv } from './csv-parser';

const ab = { requiredColumns: ['a', 'b'] };

/** Feeds the text in pieces cut at the given offsets. */
function parseInPieces(text: string, cuts: number[]) {
  const parser = new CsvParser(ab);
  const records = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    records.push(...parser.write(text.slice(from, cut)));
    from = cut;
  }
  records.push(...parser.end());
  return { records, problems: parser.problems };
}

describe('CsvParser', () => {
  it('keys records by the header and numbers rows with the header as row 1', () => {
    const result = parseCsv('a,b\n1,2\n3,4\n', ab);
    expect(result.header).toEqual(['a', 'b']);
    expect(result.records).toEqual([
      { row: 2, values: { a: '1', b: '2' } },
      { row: 3, values: { a: '3', b: '4' } },
    ]);
    expect(result.problems).toEqual([]);
  });

  it('reads quoted fields with commas, line breaks and doubled quotes', () => {
    const result = parseCsv('a,b\r\n"x, y","say ""hi""\r\nnext line"\r\n"",plain\r\n', ab);
    expect(result.records.map((r) => r.values)).toEqual([
      { a: 'x, y', b: 'say "hi"\r\nnext line' },
      { a: '', b: 'plain' },
    ]);
    expect(result.problems).toEqual([]);
  });

  it('accepts CRLF, LF and lone CR line ends, a last line without a line end, and empty fields', () => {
    const result = parseCsv('a,b\r\n1,2\n3,4\r5,\n,6', ab);
    expect(result.records.map((r) => [r.row, r.values.a, r.values.b])).toEqual([
      [2, '1', '2'],
      [3, '3', '4'],
      [4, '5', ''],
      [5, '', '6'],
    ]);
  });

  it('drops a UTF-8 byte order mark, in a string or in bytes', () => {
    expect(parseCsv('\uFEFFa,b\n1,2\n', ab).header).toEqual(['a', 'b']);
    const parser = new CsvParser(ab);
    const bytes = Buffer.from('\uFEFFa,b\n1,2\n', 'utf8');
    expect(bytes[0]).toBe(0xef);
    const records = [...parser.write(bytes), ...parser.end()];
    expect(parser.header).toEqual(['a', 'b']);
    expect(records).toEqual([{ row: 2, values: { a: '1', b: '2' } }]);
  });

  it('gives the same records whatever the chunk boundaries (every cut of a tricky text)', () => {
    const text = 'a,b\r\n"q,""x""\r\ny",2\r\n\r\nplain,"z"\r\n"",""\r\nlast,line';
    const whole = parseInPieces(text, []);
    expect(whole.problems).toEqual([]);
    expect(whole.records).toHaveLength(4);
    for (let i = 0; i <= text.length; i++) {
      for (const j of [i + 1, i + 3]) {
        const cuts = j < text.length ? [i, j] : [i];
        expect(parseInPieces(text, cuts)).toEqual(whole);
      }
    }
  });

  it('decodes a multi-byte character split across byte chunks', () => {
    const bytes = Buffer.from('a,b\nCafé ☕,"日本"\n', 'utf8');
    for (let cut = 1; cut < bytes.length; cut++) {
      const parser = new CsvParser(ab);
      const records = [...parser.write(bytes.subarray(0, cut)), ...parser.write(bytes.subarray(cut)), ...parser.end()];
      expect(records).toEqual([{ row: 2, values: { a: 'Café ☕', b: '日本' } }]);
    }
  });

  it('reads an async stream of chunks', async () => {
    async function* chunks() {
      yield Buffer.from('a,b\n1,');
      yield '2\n3,4';
    }
    const parser = new CsvParser(ab);
    const records = [];
    for await (const record of readCsv(chunks(), parser)) records.push(record);
    expect(records.map((r) => r.values)).toEqual([
      { a: '1', b: '2' },
      { a: '3', b: '4' },
    ]);
    expect(parser.problems).toEqual([]);
  });

  it('skips blank lines but counts them as rows', () => {
    const result = parseCsv('a,b\n\n1,2\n\n', ab);
    expect(result.records).toEqual([{ row: 3, values: { a: '1', b: '2' } }]);
    expect(result.problems).toEqual([]);
  });

  it('reports a wrong field count on row N and keeps the other rows', () => {
    const result = parseCsv('a,b\n1,2\n1,2,3\n4\n5,6\n', ab);
    expect(result.records.map((r) => r.row)).toEqual([2, 5]);
    expect(result.problems).toEqual([
      { row: 3, reason: 'Expected 2 fields as in the header, found 3' },
      { row: 4, reason: 'Expected 2 fields as in the header, found 1' },
    ]);
  });

  it('counts rows by record, so a line break inside quotes does not shift later row numbers', () => {
    const result = parseCsv('a,b\n"multi\nline",1\n2\n', ab);
    expect(result.problems).toEqual([{ row: 3, reason: 'Expected 2 fields as in the header, found 1' }]);
  });

  it('reports missing required columns (one entry each) and yields no records', () => {
    const result = parseCsv('a,c\n1,2\n', { requiredColumns: ['a', 'b', 'd'] });
    expect(result.records).toEqual([]);
    expect(result.problems).toEqual([
      { row: 1, field: 'b', reason: 'Required column is missing from the header' },
      { row: 1, field: 'd', reason: 'Required column is missing from the header' },
    ]);
  });

  it('requires no column by default', () => {
    const result = parseCsv('number,incident_state\nINC1,New\n');
    expect(result.problems).toEqual([]);
    expect(result.records).toEqual([{ row: 2, values: { number: 'INC1', incident_state: 'New' } }]);
  });

  it('trims header names but not values, and reports a nameless column', () => {
    expect(parseCsv(' a , b\n 1 ,2\n').records).toEqual([{ row: 2, values: { a: ' 1 ', b: '2' } }]);
    expect(parseCsv('a,,b\n1,2,3\n').problems).toEqual([{ row: 1, reason: 'Header row: a column has no name' }]);
  });

  it('reports a duplicate column', () => {
    const result = parseCsv('a,b,a\n1,2,3\n', ab);
    expect(result.problems).toEqual([{ row: 1, field: 'a', reason: 'Header row: duplicate column' }]);
    expect(result.records).toEqual([]);
  });

  it('reports stray quotes and text after a closing quote as row problems', () => {
    const result = parseCsv('a,b\nab"c,1\n"x"y,2\n3,4\n', ab);
    expect(result.records).toEqual([{ row: 4, values: { a: '3', b: '4' } }]);
    expect(result.problems).toEqual([
      { row: 2, reason: 'A quote inside an unquoted field (quote the whole field and double inner quotes)' },
      { row: 3, reason: 'Unexpected text after the closing quote of a field' },
    ]);
  });

  it('reports an unterminated quote at the end of the file', () => {
    const result = parseCsv('a,b\n1,2\n"open,3\n4,5\n', ab);
    expect(result.records).toEqual([{ row: 2, values: { a: '1', b: '2' } }]);
    expect(result.problems).toEqual([{ row: 3, reason: 'Unterminated quoted field: a quote was opened and never closed' }]);
  });

  it('reports an empty file and invalid UTF-8 without throwing', () => {
    expect(parseCsv('', ab).problems).toEqual([{ row: 1, reason: 'The file is empty: no header row' }]);
    const parser = new CsvParser(ab);
    parser.write(Buffer.from('a,b\n1,'));
    parser.write(Uint8Array.from([0xff, 0xfe, 0x0a]));
    parser.end();
    expect(parser.problems).toEqual([{ row: 2, reason: 'The file is not valid UTF-8; parsing stopped' }]);
  });

  it('names the row of an invalid UTF-8 byte inside a large chunk, keeping the records before it', () => {
    const bytes = Buffer.concat([Buffer.from('a,b\n1,日本\n2,x\n3,'), Buffer.from([0xff]), Buffer.from('\n4,y\n')]);
    const parser = new CsvParser(ab);
    const records = [...parser.write(bytes), ...parser.end()];
    expect(records.map((r) => r.values)).toEqual([
      { a: '1', b: '日本' },
      { a: '2', b: 'x' },
    ]);
    expect(parser.problems).toEqual([{ row: 4, reason: 'The file is not valid UTF-8; parsing stopped' }]);
  });

  it('finds an invalid sequence that starts in one chunk and breaks in the next, and one cut off at the end', () => {
    const parser = new CsvParser(ab);
    // E6 97 starts a three-byte character; 41 ('A') cannot continue it.
    const records = [...parser.write(Buffer.from('a,b\n1,2\n3,', 'utf8'))];
    records.push(...parser.write(Uint8Array.from([0xe6])), ...parser.write(Uint8Array.from([0x97])));
    records.push(...parser.write(Uint8Array.from([0x41, 0x0a])), ...parser.end());
    expect(records.map((r) => r.row)).toEqual([2]);
    expect(parser.problems).toEqual([{ row: 3, reason: 'The file is not valid UTF-8; parsing stopped' }]);

    const cutOff = new CsvParser(ab);
    cutOff.write(Buffer.concat([Buffer.from('a,b\n1,2\n3,'), Buffer.from('日', 'utf8').subarray(0, 2)]));
    expect(cutOff.end()).toEqual([]);
    expect(cutOff.problems).toEqual([{ row: 3, reason: 'The file is not valid UTF-8; parsing stopped' }]);
  });

  it('decodes characters split over several one-byte chunks', () => {
    const parser = new CsvParser(ab);
    const records = [];
    for (const byte of Buffer.from('a,b\n🎉,日本\n', 'utf8')) records.push(...parser.write(Uint8Array.from([byte])));
    records.push(...parser.end());
    expect(records).toEqual([{ row: 2, values: { a: '🎉', b: '日本' } }]);
    expect(parser.problems).toEqual([]);
  });

  it('keeps at most maxProblems problems but counts them all', () => {
    const result = parseCsv(`a,b\n${'1\n'.repeat(10)}`, { ...ab, maxProblems: 3 });
    expect(result.problems).toHaveLength(3);
    expect(result.problemCount).toBe(10);
  });
});
