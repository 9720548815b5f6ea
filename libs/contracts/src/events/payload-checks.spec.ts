import { GroupCreated, UserCreated } from '../identity/identity.events';
import { checkPayload, codePointLength, requiredString } from './payload-checks';

describe('requiredString', () => {
  const name = (value: unknown) => checkPayload({ name: value }, [requiredString('name', 200)]);

  it('counts code points, as PostgreSQL varchar(200) and the DTOs do, not UTF-16 units', () => {
    // 𠮷 (U+20BB7) and 😀 are one character each but two UTF-16 units.
    const kanji = '𠮷'.repeat(200);
    expect(kanji.length).toBe(400);
    expect(name(kanji)).toEqual([]);
    expect(name(`${'a'.repeat(199)}😀`)).toEqual([]);
    expect(name(`山田𠮷${'x'.repeat(197)}`)).toEqual([]);
  });

  it('still refuses more than max code points, and empty or non-string values', () => {
    const problem = ['name must be a non-empty string of at most 200 characters'];
    expect(name('𠮷'.repeat(201))).toEqual(problem);
    expect(name('a'.repeat(201))).toEqual(problem);
    expect(name('')).toEqual(problem);
    expect(name(undefined)).toEqual(problem);
    expect(name(42)).toEqual(problem);
  });

  it('lets a 200-character group name with 𠮷 through the event definition (no PayloadValidationError)', () => {
    const group = { id: 'g1', name: `𠮷野家 ${'サポート'.repeat(49)}`, supervisorId: null, memberIds: [], active: true };
    expect([...group.name].length).toBe(200);
    expect(group.name.length).toBeGreaterThan(200);
    expect(GroupCreated.describePayloadProblems(group)).toEqual([]);
    const user = {
      id: 'u1',
      email: 'yoshi@example.com',
      displayName: '𠮷'.repeat(200),
      displayNameJa: null,
      displayNameEn: null,
      department: null,
      managerId: null,
      locale: 'ja',
      timeZone: 'Asia/Tokyo',
      roles: [],
      active: true,
    };
    expect(UserCreated.describePayloadProblems(user)).toEqual([]);
  });
});

describe('codePointLength', () => {
  it('agrees with [...s].length, lone surrogates included', () => {
    for (const s of ['', 'abc', '𠮷', '𠮷𠮷a', '😀👍🏽', 'a\ud800b', '\udc00\ud800', '\ud83d', 'x\ud83d\ude00\ud83d']) {
      expect(codePointLength(s)).toBe([...s].length);
    }
  });
});
