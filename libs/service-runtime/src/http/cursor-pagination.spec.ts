import { ArgumentMetadata } from '@nestjs/common';
import fc from 'fast-check';
import { decodeCursor, encodeCursor, PageQueryDto, toPage } from './cursor-pagination';
import { createValidationPipe, RequestValidationException } from './validation-errors';

describe('cursor pagination', () => {
  it('round-trips a sort key, Unicode included', () => {
    fc.assert(
      fc.property(fc.string(), fc.uuid(), (name, id) => {
        const cursor = encodeCursor({ name, id });
        expect(cursor).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(decodeCursor(cursor, ['name', 'id'])).toEqual({ name, id });
      }),
    );
  });

  it('refuses foreign cursors with a 400 on the cursor field', () => {
    for (const bad of ['!!!', Buffer.from('[1]').toString('base64url'), encodeCursor({ other: 1 })]) {
      try {
        decodeCursor(bad, ['name', 'id']);
        fail('expected an error');
      } catch (e) {
        expect(e).toBeInstanceOf(RequestValidationException);
        expect((e as RequestValidationException).details).toEqual([{ field: 'cursor', reason: expect.any(String) }]);
      }
    }
    expect(decodeCursor(undefined, ['id'])).toBeNull();
  });

  it('makes a page from limit + 1 rows', () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const page = toPage(rows, 2, (r) => ({ id: r.id }));
    expect(page.items).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(decodeCursor(page.nextCursor!, ['id'])).toEqual({ id: 'b' });
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
