import { UUID_PATTERN as UUID } from '@helpdesk/contracts';
/**
 * A catalog item's form: a small JSON-schema-like list of fields, and the server-side check of a request's
 * answers against it (pure: no Nest, no TypeORM). Lengths count code points, so 𠮷 or an emoji is one.
 */
export const FORM_FIELD_TYPES = ['text', 'textarea', 'select', 'boolean', 'date', 'number', 'user'] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

export interface FormFieldOption {
  value: string;
  labelJa: string;
  labelEn: string;
}

export interface FormField {
  /** The answer's name in `form` (camelCase letters and digits). */
  key: string;
  type: FormFieldType;
  labelJa: string;
  labelEn: string;
  required: boolean;
  /** The choices of a `select`. */
  options?: FormFieldOption[];
  /** Longest `text`/`textarea` answer, in characters (defaults below). */
  maxLength?: number;
  /** Bounds of a `number`. */
  min?: number;
  max?: number;
}

export interface FormProblem {
  field: string;
  reason: string;
}

export const FORM_KEY_PATTERN = /^[a-z][A-Za-z0-9]{0,49}$/;
export const MAX_FORM_FIELDS = 30;
export const DEFAULT_TEXT_MAX = 200;
export const DEFAULT_TEXTAREA_MAX = 4000;
/** No answer may be longer, whatever a schema says (it bounds the jsonb a request stores). */
export const HARD_TEXT_MAX = 10_000;

const TEXT_CONTROL = /\p{Cc}/u;
// A textarea keeps line breaks and tabs, nothing else from the control range.
const TEXTAREA_CONTROL = /[^\P{Cc}\t\n\r]/u;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function codePoints(value: string): number {
  return [...value].length;
}

/** A real calendar date as YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Problems with a schema itself (what class-validator on the DTO cannot see: duplicates, options, bounds). */
export function describeFormSchemaProblems(fields: FormField[], path = 'formSchema'): FormProblem[] {
  const problems: FormProblem[] = [];
  if (fields.length > MAX_FORM_FIELDS)
    problems.push({ field: path, reason: `${path} may have at most ${MAX_FORM_FIELDS} fields` });
  const seen = new Set<string>();
  fields.forEach((f, i) => {
    const at = `${path}.${i}`;
    if (seen.has(f.key)) problems.push({ field: `${at}.key`, reason: `key ${f.key} is used twice` });
    seen.add(f.key);
    if (f.type === 'select') {
      if (!f.options?.length) problems.push({ field: `${at}.options`, reason: 'a select needs at least one option' });
      const values = (f.options ?? []).map((o) => o.value);
      if (new Set(values).size !== values.length)
        problems.push({ field: `${at}.options`, reason: 'option values must be unique' });
    } else if (f.options !== undefined) {
      problems.push({ field: `${at}.options`, reason: 'only a select has options' });
    }
    if (f.maxLength !== undefined && f.type !== 'text' && f.type !== 'textarea')
      problems.push({ field: `${at}.maxLength`, reason: 'only text and textarea fields have a maxLength' });
    if ((f.min !== undefined || f.max !== undefined) && f.type !== 'number')
      problems.push({ field: `${at}.min`, reason: 'only number fields have min and max' });
    if (f.min !== undefined && f.max !== undefined && f.min > f.max)
      problems.push({ field: `${at}.max`, reason: 'max must not be below min' });
  });
  return problems;
}

export interface CheckedAnswers {
  /** The answers to store: strings trimmed, optional fields left out when empty. */
  answers: Record<string, unknown>;
  problems: FormProblem[];
  /** Answers of `user` fields (the caller checks that these people exist). */
  userReferences: Array<{ key: string; userId: string }>;
}

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** Checks a request's answers against the item's form: one problem per bad field, named `form.<key>`. */
export function checkFormAnswers(fields: FormField[], raw: Record<string, unknown>): CheckedAnswers {
  const answers: Record<string, unknown> = {};
  const problems: FormProblem[] = [];
  const userReferences: CheckedAnswers['userReferences'] = [];
  const known = new Map(fields.map((f) => [f.key, f]));

  for (const key of Object.keys(raw)) {
    if (!known.has(key)) {
      const shown = key.length > 60 ? `${key.slice(0, 60)}…` : key;
      problems.push({ field: `form.${shown}`, reason: `form.${shown} is not a field of this item` });
    }
  }

  for (const f of fields) {
    const name = `form.${f.key}`;
    const value = Object.prototype.hasOwnProperty.call(raw, f.key) ? raw[f.key] : undefined;
    if (isEmpty(value) && !(f.type === 'boolean' && value === false)) {
      if (f.required) problems.push({ field: name, reason: `${name} is required` });
      continue;
    }
    const problem = checkValue(f, name, value);
    if (problem) {
      problems.push({ field: name, reason: problem });
      continue;
    }
    answers[f.key] = typeof value === 'string' ? value.trim() : value;
    if (f.type === 'user') userReferences.push({ key: f.key, userId: (value as string).toLowerCase() });
  }
  return { answers, problems, userReferences };
}

function checkValue(f: FormField, name: string, value: unknown): string | null {
  switch (f.type) {
    case 'text':
    case 'textarea': {
      const max = Math.min(f.maxLength ?? (f.type === 'text' ? DEFAULT_TEXT_MAX : DEFAULT_TEXTAREA_MAX), HARD_TEXT_MAX);
      if (typeof value !== 'string') return `${name} must be text`;
      const text = value.trim();
      if ((f.type === 'text' ? TEXT_CONTROL : TEXTAREA_CONTROL).test(text))
        return f.type === 'text'
          ? `${name} must be on one line, without control characters`
          : `${name} must not contain control characters`;
      return codePoints(text) <= max ? null : `${name} must be at most ${max} characters`;
    }
    case 'select': {
      const values = (f.options ?? []).map((o) => o.value);
      return typeof value === 'string' && values.includes(value) ? null : `${name} must be one of ${values.join(', ')}`;
    }
    case 'boolean':
      return typeof value === 'boolean' ? null : `${name} must be true or false`;
    case 'date':
      return typeof value === 'string' && isCalendarDate(value) ? null : `${name} must be a date as YYYY-MM-DD`;
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${name} must be a number`;
      if (f.min !== undefined && value < f.min) return `${name} must be at least ${f.min}`;
      if (f.max !== undefined && value > f.max) return `${name} must be at most ${f.max}`;
      return null;
    }
    case 'user':
      return typeof value === 'string' && UUID.test(value) ? null : `${name} must be a user id (UUID)`;
  }
}
