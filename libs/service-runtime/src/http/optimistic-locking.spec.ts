import { etagOf, expectedVersion, parseIfMatchVersion } from './optimistic-locking';
import { RequestValidationException } from './validation-errors';

describe('optimistic locking headers', () => {
  it.each([
    ['"3"', 3],
    ['W/"12"', 12],
    ['7', 7],
    ['*', undefined],
    [undefined, undefined],
    ['', undefined],
  ])('If-Match %s → %s', (header, version) => expect(parseIfMatchVersion(header)).toBe(version));

  it('refuses an If-Match that is not a version, naming the header', () => {
    expect(() => parseIfMatchVersion('"abc"')).toThrow(RequestValidationException);
  });

  it('prefers If-Match over the body version and round-trips the ETag', () => {
    expect(expectedVersion('"4"', 2)).toBe(4);
    expect(expectedVersion(undefined, 2)).toBe(2);
    expect(parseIfMatchVersion(etagOf(9))).toBe(9);
  });
});
