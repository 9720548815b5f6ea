import fc from 'fast-check';
import { checkFormAnswers, describeFormSchemaProblems, FormField, isCalendarDate } from './form-schema';

const laptop: FormField[] = [
  {
    key: 'model',
    type: 'select',
    labelJa: '機種',
    labelEn: 'Model',
    required: true,
    options: [
      { value: 'standard-14', labelJa: '標準 14 インチ', labelEn: 'Standard 14"' },
      { value: 'developer-16', labelJa: '開発者 16 インチ', labelEn: 'Developer 16"' },
    ],
  },
  { key: 'neededBy', type: 'date', labelJa: '希望納期', labelEn: 'Needed by', required: true },
  { key: 'reason', type: 'textarea', labelJa: '理由', labelEn: 'Reason', required: true, maxLength: 10 },
  { key: 'title', type: 'text', labelJa: '件名', labelEn: 'Title', required: false, maxLength: 5 },
  { key: 'monitors', type: 'number', labelJa: 'モニター数', labelEn: 'Monitors', required: false, min: 0, max: 2 },
  { key: 'urgent', type: 'boolean', labelJa: '至急', labelEn: 'Urgent', required: true },
  { key: 'delegate', type: 'user', labelJa: '代理人', labelEn: 'Delegate', required: false },
];

describe('checkFormAnswers', () => {
  it('accepts good answers, trims text and leaves out empty optional fields', () => {
    const result = checkFormAnswers(laptop, {
      model: 'developer-16',
      neededBy: '2026-02-28',
      reason: '  開発用🚀\n二行目 ',
      title: '',
      urgent: false,
      delegate: '0190B7C2-0000-7000-8000-000000000001',
    });
    expect(result.problems).toEqual([]);
    expect(result.answers).toEqual({
      model: 'developer-16',
      neededBy: '2026-02-28',
      reason: '開発用🚀\n二行目',
      urgent: false,
      delegate: '0190B7C2-0000-7000-8000-000000000001',
    });
    expect(result.userReferences).toEqual([{ key: 'delegate', userId: '0190b7c2-0000-7000-8000-000000000001' }]);
  });

  it('names every bad field as form.<key>, unknown keys included', () => {
    const result = checkFormAnswers(laptop, {
      model: 'mac',
      neededBy: '2026-02-30',
      reason: 'x'.repeat(11),
      title: 'a\u0000b',
      monitors: 3,
      delegate: 'someone',
      colour: 'red',
    });
    expect(result.problems).toEqual([
      { field: 'form.colour', reason: 'form.colour is not a field of this item' },
      { field: 'form.model', reason: 'form.model must be one of standard-14, developer-16' },
      { field: 'form.neededBy', reason: 'form.neededBy must be a date as YYYY-MM-DD' },
      { field: 'form.reason', reason: 'form.reason must be at most 10 characters' },
      { field: 'form.title', reason: 'form.title must be on one line, without control characters' },
      { field: 'form.monitors', reason: 'form.monitors must be at most 2' },
      { field: 'form.urgent', reason: 'form.urgent is required' },
      { field: 'form.delegate', reason: 'form.delegate must be a user id (UUID)' },
    ]);
    expect(result.userReferences).toEqual([]);
  });

  it('counts code points, not UTF-16 units (emoji and 𠮷 are one character each)', () => {
    const ok = checkFormAnswers(laptop, { model: 'standard-14', neededBy: '2026-01-01', reason: '𠮷'.repeat(10), urgent: true });
    expect(ok.problems).toEqual([]);
    const tooLong = checkFormAnswers(laptop, {
      model: 'standard-14',
      neededBy: '2026-01-01',
      reason: '😀'.repeat(11),
      urgent: true,
    });
    expect(tooLong.problems.map((p) => p.field)).toEqual(['form.reason']);
  });

  it('refuses wrong JSON types for every kind of field', () => {
    const result = checkFormAnswers(laptop, {
      model: 1,
      neededBy: 20260101,
      reason: ['a'],
      title: { a: 1 },
      monitors: '2',
      urgent: 'yes',
      delegate: 42,
    });
    expect(result.problems.map((p) => p.field)).toEqual([
      'form.model',
      'form.neededBy',
      'form.reason',
      'form.title',
      'form.monitors',
      'form.urgent',
      'form.delegate',
    ]);
  });

  it('property: whatever JSON is sent, every problem is named form.<key> and answers only hold valid, known keys', () => {
    const keys = laptop.map((f) => f.key);
    fc.assert(
      fc.property(
        fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 8 })), fc.jsonValue({ maxDepth: 2 })),
        (raw) => {
          const result = checkFormAnswers(laptop, raw as Record<string, unknown>);
          for (const p of result.problems) expect(p.field.startsWith('form.')).toBe(true);
          for (const key of Object.keys(result.answers)) expect(keys).toContain(key);
          // Re-checking what was accepted finds nothing new: accepted answers are valid answers.
          const again = checkFormAnswers(laptop, result.answers);
          const required = laptop.filter((f) => f.required).map((f) => `form.${f.key}`);
          for (const p of again.problems) expect(required).toContain(p.field);
          expect(again.answers).toEqual(result.answers);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('describeFormSchemaProblems', () => {
  it('finds duplicate keys, selects without options and options or bounds on the wrong type', () => {
    const problems = describeFormSchemaProblems([
      { key: 'a', type: 'select', labelJa: 'a', labelEn: 'a', required: true, options: [] },
      {
        key: 'a',
        type: 'text',
        labelJa: 'a',
        labelEn: 'a',
        required: true,
        options: [{ value: 'x', labelJa: 'x', labelEn: 'x' }],
      },
      { key: 'n', type: 'number', labelJa: 'n', labelEn: 'n', required: false, min: 5, max: 1 },
      { key: 'd', type: 'date', labelJa: 'd', labelEn: 'd', required: false, maxLength: 3 },
    ]);
    expect(problems).toEqual([
      { field: 'formSchema.0.options', reason: 'a select needs at least one option' },
      { field: 'formSchema.1.key', reason: 'key a is used twice' },
      { field: 'formSchema.1.options', reason: 'only a select has options' },
      { field: 'formSchema.2.max', reason: 'max must not be below min' },
      { field: 'formSchema.3.maxLength', reason: 'only text and textarea fields have a maxLength' },
    ]);
  });
});

describe('isCalendarDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['2026-12-31', true],
  ])('%s → %s', (value, expected) => expect(isCalendarDate(value)).toBe(expected));
});
