import { ArgumentMetadata } from '@nestjs/common';
import { createValidationPipe, RequestValidationException } from '@helpdesk/service-runtime';
import fc from 'fast-check';
import { CreateUserDto } from './create-user.dto';
import { UpdateUserDto } from './update-user.dto';
import { isIanaTimeZone } from './user-field.validators';

const pipe = createValidationPipe();
const body = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'body', metatype });
const fieldsOf = async (value: object, metatype: ArgumentMetadata['metatype'] = CreateUserDto) => {
  const result = await pipe.transform(value, body(metatype)).catch((e) => e);
  return result instanceof RequestValidationException ? result.details.map((d) => d.field).sort() : [];
};

describe('user DTO validation', () => {
  it('accepts a Japanese-only, an English-only, and a bilingual name; trims them', async () => {
    expect(await fieldsOf({ email: 'a@example.com', displayNameJa: '山田 太郎' })).toEqual([]);
    expect(await fieldsOf({ email: 'a@example.com', displayNameEn: 'Emily Clark' })).toEqual([]);
    const dto = await pipe.transform(
      { email: ' a@example.com ', displayNameJa: '  佐藤 花子 🌸 ', displayNameEn: 'Hanako' },
      body(CreateUserDto),
    );
    expect(dto).toMatchObject({ email: 'a@example.com', displayNameJa: '佐藤 花子 🌸' });
  });

  it('needs a name in at least one language, reported once on displayNameJa', async () => {
    const error = (await pipe
      .transform({ email: 'a@example.com' }, body(CreateUserDto))
      .catch((e) => e)) as RequestValidationException;
    expect(error.details).toEqual([{ field: 'displayNameJa', reason: 'displayNameJa or displayNameEn is required' }]);
  });

  it('reports exactly one entry per bad field', async () => {
    expect(
      await fieldsOf({
        email: 'x',
        displayNameJa: '',
        roles: [],
        locale: 'de',
        timeZone: 'Tokyo',
        managerId: '12',
        password: 'short',
        active: 'yes',
      }),
    ).toEqual(['active', 'displayNameJa', 'email', 'locale', 'managerId', 'password', 'roles', 'timeZone']);
    expect(await fieldsOf({ roles: ['admin', 'admin'], displayNameJa: null, phone: 'abc', version: 0 }, UpdateUserDto)).toEqual([
      'phone',
      'roles',
      'version',
    ]);
  });

  it('PATCH accepts null to clear optional fields', async () => {
    expect(await fieldsOf({ department: null, managerId: null, phone: null, displayNameEn: null }, UpdateUserDto)).toEqual([]);
  });

  it('any single-line name of 1–200 characters passes; control characters never do (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }), async (name) => {
        const fields = await fieldsOf({ email: 'p@example.com', displayNameJa: name });
        const ok = name.trim().length > 0 && !/\p{Cc}/u.test(name);
        expect(fields).toEqual(ok ? [] : ['displayNameJa']);
      }),
      { numRuns: 300 },
    );
  });

  it('knows IANA time zones', () => {
    for (const zone of ['Asia/Tokyo', 'UTC', 'America/New_York', 'Europe/London']) expect(isIanaTimeZone(zone)).toBe(true);
    for (const zone of ['JST+9', 'Tokyo', 'Asia/Nowhere', '', '../etc/passwd']) expect(isIanaTimeZone(zone)).toBe(false);
  });
});
