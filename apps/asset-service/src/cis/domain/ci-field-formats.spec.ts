import {
  isEmpty,
  parseAmount,
  parseAttributeValue,
  parseCiReference,
  parseCount,
  parseDate,
  parseIpAddress,
  parseMacAddress,
  parseText,
} from './ci-field-formats';

const value = <T>(parsed: { ok: true; value: T } | { ok: false; reason: string }) => (parsed.ok ? parsed.value : undefined);
const reason = (parsed: { ok: boolean; reason?: string }) => (parsed.ok ? undefined : parsed.reason);

describe('CI field formats', () => {
  it('treats null, undefined and blank text as empty, and nothing else', () => {
    expect([null, undefined, '', '  \t'].every(isEmpty)).toBe(true);
    expect([0, false, 'x', {}].some(isEmpty)).toBe(false);
  });

  it('text: trimmed, one line, at most 200 characters counted as PostgreSQL does (an emoji is one)', () => {
    expect(value(parseText('  東京本社 3F 🏢 '))).toBe('東京本社 3F 🏢');
    expect(value(parseText('🌸'.repeat(200)))).toBe('🌸'.repeat(200));
    expect(reason(parseText('🌸'.repeat(201)))).toBe('must be at most 200 characters');
    expect(reason(parseText('a\u0000b'))).toBe('must be on one line, without control characters');
    expect(reason(parseText('two\nlines'))).toBe('must be on one line, without control characters');
    expect(reason(parseText(42))).toBe('must be text');
  });

  it.each([
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
    [' 2025-12-31 ', '2025-12-31'],
  ])('date %p is real', (raw, expected) => expect(value(parseDate(raw))).toBe(expected));

  it.each(['2025-02-29', '1900-02-29', '2025-13-01', '2025-04-31', '2025-00-10', '2025-01-00', '1899-12-31'])(
    'date %p is not a real date',
    (raw) => expect(reason(parseDate(raw))).toBe('must be a real date YYYY-MM-DD'),
  );

  it.each(['2025/01/01', '2025-1-1', '20250101', '2025-01-01T00:00:00Z', '', 20250101])('date %p is not YYYY-MM-DD', (raw) =>
    expect(reason(parseDate(raw))).toBe('must be a date YYYY-MM-DD'),
  );

  it.each([
    [189000, '189000.00'],
    ['189000', '189000.00'],
    ['1234.5', '1234.50'],
    ['1234.50', '1234.50'],
    ['1.500', '1.50'],
    ['0007.10', '7.10'],
    [0, '0.00'],
    ['-0', '0.00'],
    [0.1, '0.10'],
    ['999999999999.99', '999999999999.99'],
  ])('amount %p is kept exactly as %p', (raw, expected) => expect(value(parseAmount(raw))).toBe(expected));

  it.each([
    ['-1', 'must not be negative'],
    [-0.01, 'must not be negative'],
    ['1.005', 'must have at most 2 decimals'],
    [0.1 + 0.2, 'must have at most 2 decimals'],
    ['1000000000000', 'must be less than 10^12'],
    ['1e3', 'must be an amount like 189000 or 1234.50'],
    ['189,000', 'must be an amount like 189000 or 1234.50'],
    ['¥189000', 'must be an amount like 189000 or 1234.50'],
    [Number.NaN, 'must be a number'],
    [true, 'must be a number'],
  ])('amount %p is refused: %s', (raw, expected) => expect(reason(parseAmount(raw))).toBe(expected));

  it('counts: whole numbers ≥ 0, numeric text accepted', () => {
    expect(value(parseCount(25))).toBe(25);
    expect(value(parseCount(' 100 '))).toBe(100);
    expect(value(parseCount('0'))).toBe(0);
    expect(reason(parseCount(-1))).toBe('must not be negative');
    expect(reason(parseCount('-3'))).toBe('must not be negative');
    expect(reason(parseCount(2.5))).toBe('must be a whole number ≥ 0');
    expect(reason(parseCount('2.5'))).toBe('must be a whole number ≥ 0');
    expect(reason(parseCount('ten'))).toBe('must be a whole number ≥ 0');
    expect(reason(parseCount(2 ** 31))).toBe('must be at most 2147483647');
  });

  it('IP addresses: v4 and v6 (v6 lower-cased), nothing else', () => {
    expect(value(parseIpAddress('192.168.10.20'))).toBe('192.168.10.20');
    expect(value(parseIpAddress('2001:DB8::1'))).toBe('2001:db8::1');
    for (const bad of ['256.1.1.1', '192.168.1', 'localhost', '::g', 12]) {
      expect(reason(parseIpAddress(bad))).toBe('must be an IPv4 or IPv6 address');
    }
  });

  it('MAC addresses: 6 hex pairs with : or -, kept upper-case with colons', () => {
    expect(value(parseMacAddress('3c-22-fb-12-ab-cd'))).toBe('3C:22:FB:12:AB:CD');
    expect(value(parseMacAddress('3C:22:FB:12:AB:CD'))).toBe('3C:22:FB:12:AB:CD');
    for (const bad of ['3C:22:FB:12:AB', '3C:22:FB:12:AB:CD:EF', '3C-22:FB:12:AB:CD', '3C22FB12ABCD', 'GG:22:FB:12:AB:CD']) {
      expect(reason(parseMacAddress(bad))).toMatch(/^must be a MAC address/);
    }
  });

  it('licence references: a UUID or a CI number, normalised', () => {
    expect(value(parseCiReference('ci-00042'))).toBe('CI-00042');
    expect(value(parseCiReference('0F8FAD5B-D9CB-469F-A165-70867728950E'))).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
    expect(reason(parseCiReference('licence 1'))).toBe('must be the UUID or number (CI-00042) of a licence');
  });

  it('custom attribute values follow their data type, converting CSV text', () => {
    const of = (dataType: 'string' | 'number' | 'boolean' | 'date', raw: unknown) => parseAttributeValue({ dataType }, raw);
    expect(value(of('string', ' 16GB メモリ '))).toBe('16GB メモリ');
    expect(value(of('number', '16'))).toBe(16);
    expect(value(of('number', 2.5))).toBe(2.5);
    expect(value(of('number', '-1.5'))).toBe(-1.5);
    expect(reason(of('number', '16GB'))).toBe('must be a number');
    expect(reason(of('number', '1e400'))).toBe('must be a number');
    expect(value(of('boolean', 'TRUE'))).toBe(true);
    expect(value(of('boolean', false))).toBe(false);
    expect(reason(of('boolean', 'yes'))).toBe('must be true or false');
    expect(value(of('date', '2026-03-31'))).toBe('2026-03-31');
    expect(reason(of('date', '2026-02-30'))).toBe('must be a real date YYYY-MM-DD');
    expect(reason(of('string', 'a\u0000'))).toBe('must be on one line, without control characters');
  });
});
