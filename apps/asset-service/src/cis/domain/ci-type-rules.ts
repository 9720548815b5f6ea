import { CI_STATES, CI_TYPES, CiState, CiType, HARDWARE_CI_TYPES } from '@helpdesk/contracts';
import type { AttributeDefinitionEntity } from '../../attributes/attribute-definition.entity';
import type { CiEntity } from '../entities/ci.entity';
import {
  CI_FIELD_FORMATS,
  CiAttributeValue,
  CiFieldKind,
  FIELD_PARSERS,
  isEmpty,
  parseAttributeValue,
  parseChoice,
  parseText,
} from './ci-field-formats';

/**
 * Which built-in fields each CI type takes, which are required, and their formats; plus the custom
 * attributes a type's definitions allow. Pure: the API and the CSV import validate one CI the same way.
 */

export const HARDWARE_TYPES = HARDWARE_CI_TYPES;

/** The typed fields beside type, name and state. */
export const CI_FIELDS = [
  'assetTag',
  'serialNumber',
  'model',
  'manufacturer',
  'purchaseDate',
  'purchaseCost',
  'warrantyEnd',
  'location',
  'os',
  'ipAddress',
  'macAddress',
  'seatsOwned',
  'licenceExpiresOn',
  'licenceId',
] as const satisfies readonly (keyof CiEntity)[];
export type CiField = (typeof CI_FIELDS)[number];

export const CI_FIELD_KINDS: Readonly<Record<CiField, CiFieldKind>> = {
  assetTag: 'text',
  serialNumber: 'text',
  model: 'text',
  manufacturer: 'text',
  purchaseDate: 'date',
  purchaseCost: 'amount',
  warrantyEnd: 'date',
  location: 'text',
  os: 'text',
  ipAddress: 'ip',
  macAddress: 'mac',
  seatsOwned: 'count',
  licenceExpiresOn: 'date',
  licenceId: 'licence',
};

const HARDWARE_FIELDS: readonly CiField[] = [
  'assetTag',
  'serialNumber',
  'model',
  'manufacturer',
  'purchaseDate',
  'purchaseCost',
  'warrantyEnd',
  'location',
];
const TYPES_WITH_OS: readonly CiType[] = ['laptop', 'desktop', 'server', 'phone', 'tablet'];
const TYPES_ON_NETWORK: readonly CiType[] = ['laptop', 'desktop', 'server', 'network_device', 'printer', 'phone', 'tablet'];

function hardwareFields(type: CiType): CiField[] {
  return [
    ...HARDWARE_FIELDS,
    ...(TYPES_WITH_OS.includes(type) ? (['os'] as const) : []),
    ...(TYPES_ON_NETWORK.includes(type) ? (['ipAddress', 'macAddress'] as const) : []),
  ];
}

/** The built-in fields each type takes (in CI_FIELDS order); anything else "does not apply". */
export const CI_TYPE_FIELDS: Readonly<Record<CiType, readonly CiField[]>> = {
  laptop: hardwareFields('laptop'),
  desktop: hardwareFields('desktop'),
  monitor: hardwareFields('monitor'),
  phone: hardwareFields('phone'),
  tablet: hardwareFields('tablet'),
  server: hardwareFields('server'),
  network_device: hardwareFields('network_device'),
  printer: hardwareFields('printer'),
  // manufacturer is the vendor; model the version.
  software_product: ['model', 'manufacturer'],
  // model: the version installed. The device it is installed on is a relationship (installed_on).
  software_installation: ['model', 'licenceId'],
  // manufacturer is the vendor.
  licence: ['manufacturer', 'purchaseDate', 'purchaseCost', 'seatsOwned', 'licenceExpiresOn'],
  // Whose account it is: the assignment.
  saas_account: ['licenceId'],
  // A logical service: its name, custom attributes and relationships.
  business_service: [],
};

export const CI_REQUIRED_FIELDS: Readonly<Record<CiType, readonly CiField[]>> = {
  ...(Object.fromEntries(CI_TYPES.map((t) => [t, []])) as unknown as Record<CiType, readonly CiField[]>),
  licence: ['seatsOwned'],
};

export function isCiType(value: unknown): value is CiType {
  return typeof value === 'string' && (CI_TYPES as readonly string[]).includes(value);
}

export function isHardware(type: CiType): boolean {
  return (HARDWARE_TYPES as readonly CiType[]).includes(type);
}

/** Hardware is handed to people; a SaaS account is someone's. Software, licences and services are not assigned. */
export function isAssignableType(type: CiType): boolean {
  return isHardware(type) || type === 'saas_account';
}

export function appliesTo(field: CiField, type: CiType): boolean {
  return CI_TYPE_FIELDS[type].includes(field);
}

export interface CiTypeFieldRule {
  field: CiField | 'name';
  required: boolean;
  format: string;
}

/** The built-in fields of a type with their rules, for GET /assets/types. */
export function ciTypeFieldRules(type: CiType): CiTypeFieldRule[] {
  return [
    { field: 'name', required: true, format: CI_FIELD_FORMATS.text },
    ...CI_TYPE_FIELDS[type].map((field) => ({
      field,
      required: CI_REQUIRED_FIELDS[type].includes(field),
      format: CI_FIELD_FORMATS[CI_FIELD_KINDS[field]],
    })),
  ];
}

/** One CI as the API or a CSV row gives it; CSV cells arrive as strings, JSON may carry numbers. */
export interface CiInput {
  type?: string;
  name?: string;
  state?: string;
  assetTag?: string | null;
  serialNumber?: string | null;
  model?: string | null;
  manufacturer?: string | null;
  purchaseDate?: string | null;
  purchaseCost?: string | number | null;
  warrantyEnd?: string | null;
  location?: string | null;
  os?: string | null;
  ipAddress?: string | null;
  macAddress?: string | null;
  seatsOwned?: number | string | null;
  licenceExpiresOn?: string | null;
  licenceId?: string | null;
  attributes?: Record<string, unknown>;
}

export interface CiFieldProblem {
  field: string;
  reason: string;
}

/**
 * Validates and normalises one CI's input for create (mode 'create': type and name required) or update
 * (merged onto current).
 *
 * - create: `value` is a whole new CI's fields: every built-in field (null where not given), type, name,
 *   state (default in_stock; any lifecycle state is accepted here, the API narrows it) and attributes.
 * - update: `value` holds only what the input gives (null clears), and `attributes` merged onto the current
 *   ones when given; type cannot change and state changes only through a transition.
 * - A field the type does not take is a problem unless empty; a required one must end up with a value.
 * - `licenceId` stays the reference as given (UUID or CI number, normalised): the caller resolves it to a
 *   licence CI (CisRepository.resolveLicence) and stores its id.
 * - Custom attributes: `attributes.<key>` per the type's definitions; null or "" removes a value; required
 *   ones are enforced on create and when the attribute is edited (a new required definition leaves
 *   existing CIs valid).
 */
export function checkCiInput(
  input: CiInput,
  definitions: readonly AttributeDefinitionEntity[],
  mode: 'create' | 'update',
  current?: CiEntity,
): { value: Partial<CiEntity>; problems: CiFieldProblem[] } {
  if (mode === 'update' && !current) throw new Error('checkCiInput: an update needs the current CI');
  const problems: CiFieldProblem[] = [];
  const value: Partial<CiEntity> = {};
  const problem = (field: string, reason: string) => problems.push({ field, reason });

  let type: CiType | undefined;
  if (mode === 'create') {
    if (isEmpty(input.type)) problem('type', 'is required');
    else {
      const parsed = parseChoice(input.type, CI_TYPES);
      if (parsed.ok) type = value.type = parsed.value;
      else problem('type', parsed.reason);
    }
  } else {
    type = current!.type;
    if (!isEmpty(input.type) && String(input.type).trim().toLowerCase() !== type)
      problem('type', `cannot be changed (is ${type})`);
  }

  if (mode === 'create' || input.name !== undefined) {
    if (isEmpty(input.name)) problem('name', mode === 'create' ? 'is required' : 'must not be empty');
    else {
      const parsed = parseText(input.name);
      if (parsed.ok) value.name = parsed.value;
      else problem('name', parsed.reason);
    }
  }

  if (mode === 'create') {
    if (isEmpty(input.state)) value.state = 'in_stock';
    else {
      const parsed = parseChoice<CiState>(input.state, CI_STATES);
      if (parsed.ok) value.state = parsed.value;
      else problem('state', parsed.reason);
    }
  } else if (!isEmpty(input.state) && String(input.state).trim().toLowerCase() !== current!.state) {
    problem('state', 'changes only through POST /assets/{id}/transition (or assign / unassign)');
  }

  const fieldsWithProblems = new Set<string>();
  for (const field of CI_FIELDS) {
    const raw = input[field];
    if (raw === undefined) {
      if (mode === 'create') (value as Record<string, unknown>)[field] = null;
      continue;
    }
    if (type && !appliesTo(field, type)) {
      if (isEmpty(raw)) (value as Record<string, unknown>)[field] = null;
      else {
        problem(field, `does not apply to ${type}`);
        fieldsWithProblems.add(field);
      }
      continue;
    }
    if (isEmpty(raw)) {
      (value as Record<string, unknown>)[field] = null;
      continue;
    }
    const parsed = FIELD_PARSERS[CI_FIELD_KINDS[field]](raw);
    if (parsed.ok) (value as Record<string, unknown>)[field] = parsed.value;
    else {
      problem(field, parsed.reason);
      fieldsWithProblems.add(field);
    }
  }

  if (type) {
    const merged = (field: CiField) => (field in value ? value[field] : current?.[field]) ?? null;
    for (const field of CI_REQUIRED_FIELDS[type]) {
      if (merged(field) === null && !fieldsWithProblems.has(field)) problem(field, `is required for ${type}`);
    }
    const purchaseDate = merged('purchaseDate');
    const warrantyEnd = merged('warrantyEnd');
    const datesGiven = input.purchaseDate !== undefined || input.warrantyEnd !== undefined;
    const datesValid = !fieldsWithProblems.has('purchaseDate') && !fieldsWithProblems.has('warrantyEnd');
    if (datesGiven && datesValid && purchaseDate && warrantyEnd && warrantyEnd < purchaseDate) {
      problem('warrantyEnd', `must not be before purchaseDate (${purchaseDate})`);
    }
    checkAttributes(input, type, definitions, mode, current, value, problem);
  }

  return { value, problems };
}

function checkAttributes(
  input: CiInput,
  type: CiType,
  allDefinitions: readonly AttributeDefinitionEntity[],
  mode: 'create' | 'update',
  current: CiEntity | undefined,
  value: Partial<CiEntity>,
  problem: (field: string, reason: string) => void,
): void {
  const definitions = new Map(allDefinitions.filter((d) => d.ciType === type).map((d) => [d.key, d]));
  const given = input.attributes;
  if (given !== undefined && (typeof given !== 'object' || given === null || Array.isArray(given))) {
    problem('attributes', 'must be an object of custom attribute values by key');
    return;
  }
  if (mode === 'update' && given === undefined) return;
  const attributes: Record<string, CiAttributeValue> = { ...(mode === 'update' ? current!.attributes : {}) };
  const withProblems = new Set<string>();
  for (const [key, raw] of Object.entries(given ?? {})) {
    const field = `attributes.${key}`;
    const definition = definitions.get(key);
    if (!definition) {
      problem(field, `is not defined for ${type}`);
      continue;
    }
    if (isEmpty(raw)) {
      delete attributes[key];
      if (definition.required) {
        problem(field, `is required for ${type}`);
        withProblems.add(key);
      }
      continue;
    }
    const parsed = parseAttributeValue(definition, raw);
    if (parsed.ok) attributes[key] = parsed.value;
    else {
      problem(field, parsed.reason);
      withProblems.add(key);
    }
  }
  if (mode === 'create') {
    for (const definition of definitions.values()) {
      if (definition.required && attributes[definition.key] === undefined && !withProblems.has(definition.key)) {
        problem(`attributes.${definition.key}`, `is required for ${type}`);
      }
    }
  }
  value.attributes = attributes;
}
