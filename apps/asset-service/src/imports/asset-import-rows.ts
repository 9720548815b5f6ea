import { randomUUID } from 'node:crypto';
import { CiType, UUID_PATTERN } from '@helpdesk/contracts';
import type { AttributeDefinitionEntity } from '../attributes/attribute-definition.entity';
import { stateAfterAssignment } from '../cis/domain/ci-lifecycle';
import { appliesTo, checkCiInput, CiInput, isAssignableType, isCiType } from '../cis/domain/ci-type-rules';
import type { CiEntity } from '../cis/entities/ci.entity';
import { ImportFieldColumn } from './asset-import-columns';

/**
 * Turns the rows of an import file into the CIs to create, or the problems that stop it. Each row is
 * validated by the CI rules (checkCiInput, as the API does); on top of that the import resolves what a row
 * refers to (a licence: an existing licence CI, or one created on an EARLIER row of the file, by name; an
 * assignee: an active person by e-mail or id) and refuses duplicate asset tags and serial numbers, within
 * the file and against the CMDB. Pure: what it needs from the database comes in ImportLookups.
 */

/** One data row: its cells by column (field columns and custom attributes), as text. */
export interface ImportRow {
  row: number;
  fields: Partial<Record<ImportFieldColumn, string>>;
  attributes: Record<string, string>;
}

export interface ImportPerson {
  id: string;
  displayName: string;
  email: string | null;
  department: string | null;
  active: boolean;
}

/** An existing CI a `licence` cell names (by UUID or number). */
export interface ImportCiRef {
  id: string;
  number: string;
  type: CiType;
}

/** What the rows are checked against: loaded for the file's references in one go. */
export interface ImportLookups {
  /** Custom attribute definitions of every type. */
  definitions: readonly AttributeDefinitionEntity[];
  /** Existing CIs the `licence` cells name, by id (lower-case) and by number (upper-case). */
  cis: ReadonlyMap<string, ImportCiRef>;
  /** People the `assignedTo` cells name. */
  people: readonly ImportPerson[];
  /** Asset tags already in the CMDB → the CI number holding each. */
  assetTags: ReadonlyMap<string, string>;
  /** serialKey(manufacturer, serial) already in the CMDB → the CI number. */
  serials: ReadonlyMap<string, string>;
}

/** A problem of one row, by CI field (`purchaseDate`, `licenceId`, `attributes.cpu`, `assignedToId`). */
export interface ImportRowProblem {
  row: number;
  field: string;
  reason: string;
}

/** A valid row: the new CI's fields (checkCiInput's value), its licence and assignee resolved. */
export interface PlannedCi {
  row: number;
  id: string;
  value: Partial<CiEntity>;
  licenceId: string | null;
  assignee: ImportPerson | null;
}

export interface ImportRowsPlan {
  planned: PlannedCi[];
  problems: ImportRowProblem[];
}

/** Serial numbers are unique per manufacturer (the unique index asset_ci_serial); no manufacturer counts as one. */
export function serialKey(manufacturer: string | null, serial: string): string {
  return JSON.stringify([manufacturer, serial]);
}

const CI_NUMBER = /^CI-\d{5,}$/i;

/** Whether a cell looks like a CI reference (UUID or number) rather than a name. */
export function isCiReference(text: string): boolean {
  return UUID_PATTERN.test(text) || CI_NUMBER.test(text);
}

/** The lookup keys of a CI reference: UUIDs lower-case, numbers upper-case (as parseCiReference normalises). */
export function ciReferenceKey(text: string): string {
  return UUID_PATTERN.test(text) ? text.toLowerCase() : text.toUpperCase();
}

const cell = (raw: string | undefined): string => (raw ?? '').trim();

export function planImportRows(
  rows: readonly ImportRow[],
  lookups: ImportLookups,
  newId: () => string = randomUUID,
): ImportRowsPlan {
  const ids = rows.map(() => newId());
  const fileLicences = licencesByName(rows, ids);
  const people = peopleIndex(lookups.people);
  const tagRows = new Map<string, number>();
  const serialRows = new Map<string, number>();
  const planned: PlannedCi[] = [];
  const problems: ImportRowProblem[] = [];

  rows.forEach((row, index) => {
    const rowProblems: ImportRowProblem[] = [];
    const problem = (field: string, reason: string) => rowProblems.push({ row: row.row, field, reason });
    const rawType = cell(row.fields.type).toLowerCase();
    const type = isCiType(rawType) ? rawType : null;

    const input: CiInput = { attributes: {} };
    for (const [column, raw] of Object.entries(row.fields) as [ImportFieldColumn, string][]) {
      if (column === 'licence' || column === 'assignedTo') continue;
      input[column] = raw;
    }
    // Empty attribute cells are "no value": a column for one type's attribute stays empty on other types' rows.
    for (const [key, raw] of Object.entries(row.attributes)) if (cell(raw) !== '') input.attributes![key] = raw;

    const licence = cell(row.fields.licence);
    let fileLicenceId: string | null = null;
    if (licence !== '') {
      if (isCiReference(licence) || (type && !appliesTo('licenceId', type))) input.licenceId = licence;
      else {
        const found = fileLicenceByName(fileLicences, licence, row.row);
        if ('id' in found) fileLicenceId = input.licenceId = found.id;
        else problem('licenceId', found.reason);
      }
    }

    const { value, problems: fieldProblems } = checkCiInput(input, lookups.definitions, 'create');
    for (const p of fieldProblems) problem(p.field, p.reason);
    const bad = (field: string) => rowProblems.some((p) => p.field === field);

    let licenceId: string | null = null;
    if (value.licenceId && !bad('licenceId')) {
      if (fileLicenceId) licenceId = fileLicenceId;
      else {
        const ci = lookups.cis.get(ciReferenceKey(value.licenceId));
        if (!ci) problem('licenceId', `is no CI (${value.licenceId}): give the UUID or number of a licence CI`);
        else if (ci.type !== 'licence') problem('licenceId', `${ci.number} is a ${ci.type}, not a licence`);
        else licenceId = ci.id;
      }
    }

    let assignee: ImportPerson | null = null;
    const assignedTo = cell(row.fields.assignedTo);
    if (assignedTo !== '') {
      if (type && !isAssignableType(type))
        problem('assignedToId', `does not apply to ${type}: only hardware and SaaS accounts are assigned to people`);
      else {
        const found = findPerson(people, assignedTo);
        if ('reason' in found) problem('assignedToId', found.reason);
        else assignee = found.person;
      }
      if (assignee && value.state && !bad('state')) {
        const state = stateAfterAssignment(value.state);
        if (state) value.state = state;
        else problem('assignedToId', `cannot be set on a CI that is ${value.state} (only in_stock, deployed or in_repair)`);
      }
    }

    if (value.assetTag && !bad('assetTag')) {
      const earlier = tagRows.get(value.assetTag);
      const taken = lookups.assetTags.get(value.assetTag);
      if (earlier !== undefined) problem('assetTag', `duplicates the asset tag of row ${earlier}`);
      else if (taken) problem('assetTag', `is already the asset tag of ${taken}`);
      else tagRows.set(value.assetTag, row.row);
    }
    if (value.serialNumber && !bad('serialNumber') && !bad('manufacturer')) {
      const key = serialKey(value.manufacturer ?? null, value.serialNumber);
      const earlier = serialRows.get(key);
      const taken = lookups.serials.get(key);
      const maker = value.manufacturer ? `manufacturer ${value.manufacturer}` : 'no manufacturer';
      if (earlier !== undefined) problem('serialNumber', `duplicates the serial number of row ${earlier} (${maker})`);
      else if (taken) problem('serialNumber', `is already the serial number of ${taken} (${maker})`);
      else serialRows.set(key, row.row);
    }

    if (rowProblems.length > 0) problems.push(...rowProblems);
    else planned.push({ row: row.row, id: ids[index], value, licenceId, assignee });
  });
  return { planned, problems };
}

interface FileLicence {
  row: number;
  id: string;
}

/** Licence rows of the file by name (trimmed), in file order. */
function licencesByName(rows: readonly ImportRow[], ids: readonly string[]): Map<string, FileLicence[]> {
  const byName = new Map<string, FileLicence[]>();
  rows.forEach((row, index) => {
    const name = cell(row.fields.name);
    if (cell(row.fields.type).toLowerCase() !== 'licence' || name === '') return;
    const list = byName.get(name) ?? [];
    list.push({ row: row.row, id: ids[index] });
    byName.set(name, list);
  });
  return byName;
}

function fileLicenceByName(byName: Map<string, FileLicence[]>, name: string, row: number): { id: string } | { reason: string } {
  const all = byName.get(name) ?? [];
  const earlier = all.filter((l) => l.row < row);
  if (earlier.length === 1) return { id: earlier[0].id };
  if (earlier.length > 1) {
    return {
      reason: `matches the licences of rows ${earlier.map((l) => l.row).join(', ')}: give them distinct names or use a CI number`,
    };
  }
  if (all.length > 0) {
    return { reason: `is the licence of row ${all[0].row}, which comes later: put licence rows before the rows that use them` };
  }
  return {
    reason: 'must be the UUID or number (CI-00042) of a licence CI, or the name of a licence on an earlier row of this file',
  };
}

interface PeopleIndex {
  byId: Map<string, ImportPerson>;
  byEmail: Map<string, ImportPerson[]>;
}

function peopleIndex(people: readonly ImportPerson[]): PeopleIndex {
  const byId = new Map(people.map((p) => [p.id.toLowerCase(), p]));
  const byEmail = new Map<string, ImportPerson[]>();
  for (const p of people) {
    if (!p.email) continue;
    const key = p.email.toLowerCase();
    byEmail.set(key, [...(byEmail.get(key) ?? []), p]);
  }
  return { byId, byEmail };
}

/** An active person by id, or by e-mail address (case-insensitive). */
function findPerson(people: PeopleIndex, ref: string): { person: ImportPerson } | { reason: string } {
  let candidates: ImportPerson[];
  if (UUID_PATTERN.test(ref)) candidates = [people.byId.get(ref.toLowerCase())].filter((p): p is ImportPerson => !!p);
  else if (ref.includes('@')) candidates = people.byEmail.get(ref.toLowerCase()) ?? [];
  else return { reason: 'must be the e-mail address or id of a person' };
  if (candidates.length === 0) return { reason: `is no known person (${ref})` };
  const active = candidates.filter((p) => p.active);
  if (active.length === 0) return { reason: `${ref} is no longer active (deactivated)` };
  if (active.length > 1) return { reason: `${ref} matches several people: use the person's id` };
  return { person: active[0] };
}
