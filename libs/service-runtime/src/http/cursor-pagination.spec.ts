import { ArgumentMetadata } from '@nestjs/common';
import fc from 'fast-check';
import { decodeCursor, encodeCursor, PageQueryDto, toPage } from './cursor-pagination';
import { createValidationPipe, RequestValidationException } from './validation-errors';

describe('cursor pagination', () => {
  it('round-trips a sort key, Unicode included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.uuid(), fc.date({ noInvalidDate: true }), (name, id, at) => {
        fc.pre(!/\p{Cc}/u.test(name));
        const cursor = encodeCursor({ name, id, at: at.toISOString() });
        expect(cursor).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(decodeCursor(cursor, { name: 'string', id: 'uuid', at: 'timestamp' })).toEqual({ name, id, at: at.toISOString() });
      }),
    );
  });

  const refusal = (cursor: string, shape: Parameters<typeof decodeCursor>[1]) => {
    try {
      decodeCursor(cursor, shape);
    } catch (e) {
      expect(e).toBeInstanceOf(RequestValidationException);
      return (e as RequestValidationException).details;
    }
    return null;
  };

  it('refuses foreign cursors with a 400 on the cursor field', () => {
    for (const bad of [
      '!!!',
      Buffer.from('[1]').toString('base64url'),
      Buffer.from('null').toString('base64url'),
      encodeCursor({ other: 1 }),
      encodeCursor({ n: 'a', id: '0192f0c4-7a0e-7cc1-9a51-1a2b3c4d5e6f', extra: true }),
    ]) {
      expect(refusal(bad, { n: 'string', id: 'uuid' })).toEqual([{ field: 'cursor', reason: expect.any(String) }]);
    }
    expect(decodeCursor(undefined, { id: 'uuid' })).toBeNull();
  });

  it('checks what each field holds: a hand-made cursor never reaches the database', () => {
    const id = '0192f0c4-7a0e-7cc1-9a51-1a2b3c4d5e6f';
    const at = '2026-04-01T09:30:00.123Z';
    expect(decodeCursor(encodeCursor({ at, id }), { at: 'timestamp', id: 'uuid' })).toEqual({ at, id });
    for (const [key, shape] of [
      [
        { at, id: 'not-a-uuid' },
        { at: 'timestamp', id: 'uuid' },
      ],
      [
        { at, id: `${id}'; DROP TABLE users; --` },
        { at: 'timestamp', id: 'uuid' },
      ],
      [
        { at, id: 42 },
        { at: 'timestamp', id: 'uuid' },
      ],
      [
        { at: 'yesterday', id },
        { at: 'timestamp', id: 'uuid' },
      ],
      [
        { at: '2026-02-31T00:00:00.000Z', id },
        { at: 'timestamp', id: 'uuid' },
      ],
      [
        { at: '2026-04-01 09:30', id },
        { at: 'timestamp', id: 'uuid' },
      ],
      [
        { at: null, id },
        { at: 'timestamp', id: 'uuid' },
      ],
      [
        { n: 'a\u0000b', id },
        { n: 'string', id: 'uuid' },
      ],
      [
        { n: 7, id },
        { n: 'string', id: 'uuid' },
      ],
      [
        { n: 'x', id: 'x' },
        { n: 'number', id: 'string' },
      ],
    ] as const) {
      expect({ key, details: refusal(encodeCursor(key), shape) }).toEqual({
        key,
        details: [{ field: 'cursor', reason: expect.any(String) }],
      });
    }
  });

  it('any cursor string is a page or a 400, never anything else (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.base64String(),
          fc.jsonValue().map((v) => encodeCursor({ v } as never)),
        ),
        (cursor) => {
          try {
            const decoded = decodeCursor(cursor, { v: 'uuid' });
            expect(decoded === null || typeof decoded.v === 'string').toBe(true);
          } catch (e) {
            expect(e).toBeInstanceOf(RequestValidationException);
          }
        },
      ),
    );
  });

  it('makes a page from limit + 1 rows', () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const page = toPage(rows, 2, (r) => ({ id: r.id }));
    expect(page.items).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(decodeCursor(page.nextCursor!, { id: 'string' })).toEqual({ id: 'b' });
    expect(toPage(rows, 3, (r) => ({ id: r.id })).nextCursor).toBeNull();
  });

  it('validates limit and cursor query parameters (strings converted)', async () => {
    const pipe = createValidationPipe();
    const meta: ArgumentMetadata = { type: 'query', metatype: PageQueryDto };
    expect(await pipe.transform({ limit: '20' }, meta)).toMatchObject({ limit: 20 });
    const error = await pipe.transform({ limit: '0', cursor: 'a b' }, meta).catch((e) => e);
    expect((error as RequestValidationException).details.map((d) => d.field).sort()).toEqual(['cursor', 'limit']);
  });
});
