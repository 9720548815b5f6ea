import { defuseFormula, restoreFormula, wantsCsv } from './csv-spreadsheet';

describe('spreadsheet safety and content negotiation', () => {
  it.each(['=1+1', '+SUM(A1)', '-2', '@cmd', '\tx', '\rx'])('defuses %j', (v) => expect(defuseFormula(v)).toBe(`'${v}`));
  it.each(['ノートPC', 'a=b', '', 'CI-00042'])('leaves %j alone', (v) => expect(defuseFormula(v)).toBe(v));
  it('leaves numbers, dates and null alone', () => {
    expect(defuseFormula(-2)).toBe(-2);
    expect(defuseFormula(null)).toBeNull();
  });
  it('reads defused cells back as the text they stood for, and nothing else', () => {
    for (const v of ['=1+1', '+SUM(A1)', '-2', '@cmd', 'ノートPC', "'quoted", "'"])
      expect(restoreFormula(String(defuseFormula(v)))).toBe(v);
  });
  it('negotiates CSV: format wins, else Accept', () => {
    expect(wantsCsv('csv', undefined)).toBe(true);
    expect(wantsCsv('json', 'text/csv')).toBe(false);
    expect(wantsCsv(undefined, 'application/json, Text/CSV; q=0.9')).toBe(true);
    expect(wantsCsv(undefined, 'text/csv; charset=utf-8')).toBe(true);
    expect(wantsCsv(undefined, '*/*')).toBe(false);
    expect(wantsCsv(undefined, 'text/csvx')).toBe(false);
    expect(wantsCsv(undefined, undefined)).toBe(false);
  });
});
