import fc from 'fast-check';
import { unsafePathReason } from './forwarded-path';

describe('unsafePathReason', () => {
  it.each([
    '/api/v1/kb/../../../metrics',
    '/api/v1/kb/./search',
    '/api/v1/kb/%2e%2e/%2e%2e/%2e%2e/metrics',
    '/api/v1/kb/%2E%2E/metrics',
    '/api/v1/kb/.%2e/metrics',
    '/api/v1/kb/%2e./metrics',
    '/api/v1/kb/%2e/metrics',
    '/api/v1/kb/..',
    '/api/v1/kb/a%2fb',
    '/api/v1/kb/a%2F..%2Fmetrics',
    '/api/v1/kb\\..\\..\\metrics',
    '/api/v1/kb/%5c..%5cmetrics',
    '/api/v1/kb/%5C',
  ])('refuses %s', (path) => expect(unsafePathReason(path)).not.toBeNull());

  it.each([
    '/api/v1/kb/search?q=../../etc',
    '/api/v1/kb/articles/KB0001234',
    '/api/v1/kb/articles/v1.2',
    '/api/v1/kb/articles/...',
    '/api/v1/kb/articles/.hidden',
    `/api/v1/kb/search?q=${encodeURIComponent('プリンター / ..')}`,
    '/api/v1/incidents/INC0001234/resolve',
  ])('lets %s through', (path) => expect(unsafePathReason(path)).toBeNull());

  it('whatever it lets through, URL parsing keeps the path as it is (property)', () => {
    const segment = fc.oneof(
      fc.constantFrom('.', '..', '%2e', '%2E', '%2e%2e', '.%2E', 'a', 'kb', '%2f', '%5c', '\\', '', '%252e'),
      fc.stringMatching(/^[A-Za-z0-9._~%-]{0,6}$/),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (segments) => {
        const path = `/api/v1/kb/${segments.join('/')}`;
        if (unsafePathReason(path) === null) expect(new URL(path, 'http://upstream').pathname).toBe(path);
      }),
      { numRuns: 2000 },
    );
  });
});
