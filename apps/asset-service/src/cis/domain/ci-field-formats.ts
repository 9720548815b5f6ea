import { UUID_PATTERN } from '@helpdesk/contracts';
import { isIP } from 'node:net';
import type { AttributeDefinitionEntity } from '../../attributes/attribute-definition.entity';

/** The formats of CI fields and custom attribute values: each parser normalises a value or says what is wrong. */

export const CI_TEXT_MAX = 200;
const COUNT_MAX = 2_147_483_647;
const AMOUNT_INTEGER_DIGITS = 12;

export type CiFieldKind = 'text' | 'date' | 'amount' | 'count' | 'ip' | 'mac' | 'licence';

/** What each kind of field accepts, as GET /assets/types describes it. */
export const CI_FIELD_FORMATS: Readonly<Record<CiFieldKind, string>> = {
  text: `text on one line, at most ${CI_TEXT_MAX} characters`,
  date: 'date YYYY-MM-DD',
  amount: 'amount ≥ 0 with at most 2 decimals, e.g. 189000 or 1234.50',
  count: 'whole number ≥ 0',
  ip: 'IPv4 or IPv6 address',
  mac: 'MAC address: 6 hex pairs separated by : or -',
  licence: 'a licence CI: its UUID or number (CI-00042)',
};

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (reason: string): Parsed<never> => ({ ok: false, reason });

/** null, undefined and blank text mean "no value" (a CSV's empty cell, a cleared field). */
export function isEmpty(raw: unknown): boolean {
  return raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
}

const CONTROL_CHARACTER = /\p{Cc}/u;

export function parseText(raw: unknown, max = CI_TEXT_MAX): Parsed<string> {
  if (typeof raw !== 'string') return bad('must be text');
  const text = raw.trim();
  if (CONTROL_CHARACTER.test(text)) return bad('must be on one line, without control characters');
  // Code points, as PostgreSQL's char_length counts them (an emoji is one character).
  if ([...text].length > max) return bad(`must be at most ${max} characters`);
  return ok(text);
}

/** One of a fixed list, case-insensitive (CSV cells say "Laptop"). */
export function parseChoice<T extends string>(raw: unknown, allowed: readonly T[]): Parsed<T> {
  const text = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  return (allowed as readonly string[]).includes(text) ? ok(text as T) : bad(`must be one of ${allowed.join(', ')}`);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (2025-02-29 is not one). */
export function parseDate(raw: unknown): Parsed<string> {
  const text = typeof raw === 'string' ? raw.trim() : '';
  const match = DATE.exec(text);
  if (!match) return bad('must be a date YYYY-MM-DD');
  const [year, month, day] = match.slice(1).map(Number);
  const daysInMonth = month >= 1 && month <= 12 ? new Date(Date.UTC(2000, month, 0)).getUTCDate() : 0;
  const leapDay = month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
  if (year < 1900 || day < 1 || day > daysInMonth || leapDay) return bad('must be a real date YYYY-MM-DD');
  return ok(text);
}

/** Money as exact decimal text with two decimals ("189000.00", how PostgreSQL returns numeric(14,2)); never a float. */
export function parseAmount(raw: unknown): Parsed<string> {
  let text: string;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return bad('must be a number');
    text = String(raw);
  } else if (typeof raw === 'string') text = raw.trim();
  else return bad('must be a number');
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return bad('must be an amount like 189000 or 1234.50');
  const [, minus, integer, rawFraction = ''] = match;
  if (minus && /[1-9]/.test(integer + rawFraction)) return bad('must not be negative');
  // Trailing zeros are no precision ("1.500" is 1.50).
  const fraction = rawFraction.replace(/0+$/, '');
  if (fraction.length > 2) return bad('must have at most 2 decimals');
  const digits = integer.replace(/^0+(?=\d)/, '');
  if (digits.length > AMOUNT_INTEGER_DIGITS) return bad(`must be less than 10^${AMOUNT_INTEGER_DIGITS}`);
  return ok(`${digits}.${fraction.padEnd(2, '0')}`);
}

export function parseCount(raw: unknown): Parsed<number> {
  let value: number;
  if (typeof raw === 'number') value = raw;
  else if (typeof raw === 'string' && /^[+-]?\d+$/.test(raw.trim())) value = Number(raw.trim());
  else return bad('must be a whole number ≥ 0');
  if (!Number.isInteger(value)) return bad('must be a whole number ≥ 0');
  if (value < 0) return bad('must not be negative');
  if (value > COUNT_MAX) return bad(`must be at most ${COUNT_MAX}`);
  return ok(value);
}

export function parseIpAddress(raw: unknown): Parsed<string> {
  const text = typeof raw === 'string' ? raw.trim() : '';
  const version = isIP(text);
  if (version === 0) return bad('must be an IPv4 or IPv6 address');
  return ok(version === 6 ? text.toLowerCase() : text);
}

const MAC = /^[0-9a-f]{2}([:-])[0-9a-f]{2}(?:\1[0-9a-f]{2}){4}$/i;

/** 6 hex pairs with : or - (one separator throughout); kept upper-case with colons. */
export function parseMacAddress(raw: unknown): Parsed<string> {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (!MAC.test(text)) return bad('must be a MAC address: 6 hex pairs separated by : or - (e.g. 3C:22:FB:12:AB:CD)');
  return ok(text.toUpperCase().replace(/-/g, ':'));
}

const CI_NUMBER = /^CI-\d{5,}$/;

/** A licence reference: UUID (lower-case) or CI number (upper-case); whether it exists is the caller's check. */
export function parseCiReference(raw: unknown): Parsed<string> {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (UUID_PATTERN.test(text)) return ok(text.toLowerCase());
  if (CI_NUMBER.test(text.toUpperCase())) return ok(text.toUpperCase());
  return bad('must be the UUID or number (CI-00042) of a licence');
}

/** The parser of each kind of built-in field. */
export const FIELD_PARSERS: Readonly<Record<CiFieldKind, (raw: unknown) => Parsed<string | number>>> = {
  text: (raw) => parseText(raw),
  date: parseDate,
  amount: parseAmount,
  count: parseCount,
  ip: parseIpAddress,
  mac: parseMacAddress,
  licence: parseCiReference,
};

export type CiAttributeValue = string | number | boolean;

/** A custom attribute's value per its data type; CSV cells ("42", "true", "2025-04-01") are converted. */
export function parseAttributeValue(
  definition: Pick<AttributeDefinitionEntity, 'dataType'>,
  raw: unknown,
): Parsed<CiAttributeValue> {
  switch (definition.dataType) {
    case 'string':
      return parseText(raw);
    case 'number': {
      if (typeof raw === 'number') return Number.isFinite(raw) ? ok(raw) : bad('must be a number');
      const text = typeof raw === 'string' ? raw.trim() : '';
      return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) && Number.isFinite(Number(text))
        ? ok(Number(text))
        : bad('must be a number');
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return ok(raw);
      const text = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
      return text === 'true' || text === 'false' ? ok(text === 'true') : bad('must be true or false');
    }
    case 'date':
      return parseDate(raw);
  }
}
