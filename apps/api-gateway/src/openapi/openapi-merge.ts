import type { OpenAPIObject, OperationObject, PathItemObject, SecurityRequirementObject, TagObject } from '@nestjs/swagger';
import { unsafePathReason } from '../forwarding/forwarded-path';

/** One service's document and the public paths the forwarding table sends to it. */
export interface UpstreamDocument {
  /** Names the upstream in logs and prefixes what collides (`incident` → `IncidentPageDto`). */
  name: string;
  document: OpenAPIObject;
  /** Whether the gateway forwards this path template (`/api/v1/incidents/{id}`) to this upstream. */
  owns: (path: string) => boolean;
}

export interface MergeResult {
  document: OpenAPIObject;
  /** Paths an upstream published but does not own (or malformed ones), left out. */
  dropped: { upstream: string; path: string }[];
  /** Components renamed because another document already used the name for something different. */
  renamed: { upstream: string; component: string; as: string }[];
  /** Upstreams whose document could not be merged at all (malformed), left out whole. */
  skipped: { upstream: string; reason: string }[];
}

const COMPONENT_TYPES = [
  'schemas',
  'responses',
  'parameters',
  'examples',
  'requestBodies',
  'headers',
  'securitySchemes',
  'links',
  'callbacks',
] as const;
type ComponentType = (typeof COMPONENT_TYPES)[number];
type ComponentMap = Record<string, unknown>;

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const LOCAL_REF = /^#\/components\/([^/]+)\/(.+)$/;

/** `type/name` of a component → its name in the merged document (only for renamed ones). */
type Renames = Map<string, string>;

/**
 * The public document: `base` (the gateway's own) plus each upstream's owned paths and its components.
 * Nothing is silently overwritten: a component whose name is taken by an identical one is shared, by a
 * different one is renamed with the upstream's prefix (its `$ref`s, discriminator mappings and security
 * requirements follow). Colliding operationIds are prefixed the same way. An upstream that cannot be
 * merged is skipped whole, never failing the document. Inputs are not modified.
 */
export function mergeOpenApiDocuments(base: OpenAPIObject, upstreams: readonly UpstreamDocument[]): MergeResult {
  let document = structuredClone(base);
  const result: Omit<MergeResult, 'document'> = { dropped: [], renamed: [], skipped: [] };
  for (const upstream of upstreams) {
    try {
      const merged = mergeOne(document, upstream);
      document = merged.document;
      result.dropped.push(...merged.dropped);
      result.renamed.push(...merged.renamed);
    } catch (error) {
      result.skipped.push({ upstream: upstream.name, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { document, ...result };
}

/** Merges one upstream into a copy of `into`; throws on a malformed document (the caller skips it). */
function mergeOne(into: OpenAPIObject, upstream: UpstreamDocument): Omit<MergeResult, 'skipped'> {
  const source = upstream.document;
  if (!isObject(source) || !isObject(source.paths)) throw new Error('not an OpenAPI document (no paths)');
  const merged = structuredClone(into);
  const dropped: MergeResult['dropped'] = [];
  const owned: [string, PathItemObject][] = [];
  for (const [path, item] of Object.entries(source.paths)) {
    if (isObject(item) && isPublishablePath(path) && upstream.owns(path)) owned.push([path, item]);
    else dropped.push({ upstream: upstream.name, path });
  }

  const prefix = pascalCase(upstream.name);
  const sourceComponents = (isObject(source.components) ? source.components : {}) as Partial<Record<ComponentType, ComponentMap>>;
  merged.components ??= {};
  const target = merged.components as Partial<Record<ComponentType, ComponentMap>>;
  const renames = resolveRenames(target, sourceComponents, prefix);

  const renamed: MergeResult['renamed'] = [];
  for (const type of COMPONENT_TYPES) {
    const components = sourceComponents[type];
    if (!isObject(components)) continue;
    for (const [name, value] of Object.entries(components)) {
      const finalName = renames.get(`${type}/${name}`) ?? name;
      if (finalName !== name) renamed.push({ upstream: upstream.name, component: `${type}/${name}`, as: finalName });
      const bucket = (target[type] ??= {});
      // Taken only by an identical component here (resolveRenames moved every different one aside).
      if (!(finalName in bucket)) bucket[finalName] = rewriteRefs(value, renames);
    }
  }

  const operationIds = collectOperationIds(merged);
  const defaultSecurity = Array.isArray(source.security) ? source.security : undefined;
  for (const [path, item] of owned) {
    const rewritten = rewriteRefs(item, renames) as PathItemObject;
    for (const method of HTTP_METHODS) {
      const operation = rewritten[method];
      if (!isObject(operation)) continue;
      // A document-wide requirement would be lost under the gateway's document: make it explicit.
      if (operation.security === undefined && defaultSecurity) operation.security = structuredClone(defaultSecurity);
      if (Array.isArray(operation.security)) operation.security = renameSecurity(operation.security, renames);
      if (typeof operation.operationId === 'string') {
        operation.operationId = uniqueName(operation.operationId, (id) => operationIds.has(id), `${prefix}_`);
        operationIds.add(operation.operationId);
      }
    }
    merged.paths[path] = rewritten;
  }

  merged.tags = mergeTags(merged.tags, source.tags);
  return { document: merged, dropped, renamed };
}

/**
 * Which of the source's components must take another name: those whose name is taken by a different
 * component. "Different" is judged after the source's own renames apply to it, so a schema that only
 * refers to a renamed one is renamed too; repeated until nothing changes (renames only grow).
 */
function resolveRenames(
  target: Partial<Record<ComponentType, ComponentMap>>,
  source: Partial<Record<ComponentType, ComponentMap>>,
  prefix: string,
): Renames {
  const renames: Renames = new Map();
  const chosen = new Set<string>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const type of COMPONENT_TYPES) {
      const components = source[type];
      const existing = target[type];
      if (!isObject(components) || !isObject(existing)) continue;
      for (const [name, value] of Object.entries(components)) {
        const key = `${type}/${name}`;
        if (renames.has(key) || !(name in existing)) continue;
        if (sameJson(existing[name], rewriteRefs(value, renames))) continue;
        const taken = (candidate: string) =>
          candidate in existing || candidate in components || chosen.has(`${type}/${candidate}`);
        const newName = uniqueName(`${prefix}${name}`, taken);
        renames.set(key, newName);
        chosen.add(`${type}/${newName}`);
        changed = true;
      }
    }
  }
  return renames;
}

/** A deep copy with local `$ref`s (and discriminator mappings) pointing at the renamed components. */
function rewriteRefs(value: unknown, renames: Renames): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, renames));
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === '$ref' && typeof child === 'string') out[key] = rewriteRef(child, renames);
    else if (key === 'discriminator' && isObject(child) && isObject(child.mapping)) {
      const mapping: Record<string, unknown> = {};
      for (const [tag, ref] of Object.entries(child.mapping)) {
        // A mapping value is a $ref or a bare schema name.
        mapping[tag] =
          typeof ref !== 'string' ? ref : ref.startsWith('#') ? rewriteRef(ref, renames) : (renames.get(`schemas/${ref}`) ?? ref);
      }
      out[key] = { ...(rewriteRefs(child, renames) as object), mapping };
    } else out[key] = rewriteRefs(child, renames);
  }
  return out;
}

function rewriteRef(ref: string, renames: Renames): string {
  const match = LOCAL_REF.exec(ref);
  if (!match) return ref; // external or non-component refs are left as they are
  const [, type, pointer] = match;
  const name = pointer.replace(/~1/g, '/').replace(/~0/g, '~');
  const renamed = renames.get(`${type}/${name}`);
  return renamed === undefined ? ref : `#/components/${type}/${renamed.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function renameSecurity(requirements: SecurityRequirementObject[], renames: Renames): SecurityRequirementObject[] {
  return requirements.map((requirement) =>
    Object.fromEntries(
      Object.entries(requirement).map(([scheme, scopes]) => [renames.get(`securitySchemes/${scheme}`) ?? scheme, scopes]),
    ),
  );
}

function collectOperationIds(document: OpenAPIObject): Set<string> {
  const ids = new Set<string>();
  for (const item of Object.values(document.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation: OperationObject | undefined = item?.[method];
      if (operation?.operationId) ids.add(operation.operationId);
    }
  }
  return ids;
}

/** Tags by name, the first description kept. */
function mergeTags(into: TagObject[] | undefined, from: unknown): TagObject[] | undefined {
  if (!Array.isArray(from) || from.length === 0) return into;
  const tags = [...(into ?? [])];
  for (const tag of from as (TagObject | null)[]) {
    if (typeof tag?.name === 'string' && !tags.some((t) => t.name === tag.name)) tags.push(structuredClone(tag));
  }
  return tags;
}

/**
 * A path the gateway could forward as written: below the root, no query or fragment, none of what the
 * forwarder refuses (dot segments, backslashes, encoded slashes).
 */
function isPublishablePath(path: string): boolean {
  return path.startsWith('/') && !/[?#\s]/.test(path) && unsafePathReason(path) === null;
}

function uniqueName(preferred: string, taken: (name: string) => boolean, prefix = ''): string {
  if (!taken(preferred)) return preferred;
  const base = `${prefix}${preferred}`;
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}${n}`)) return `${base}${n}`;
}

/** `knowledge-base` → `KnowledgeBase`. */
function pascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

/**
 * Equality of JSON values, key order ignored. Not util.isDeepStrictEqual: it compares prototypes, and
 * documents cloned in another realm (structuredClone under Jest) would never be equal.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a).filter((k) => a[k] !== undefined);
  return keys.length === Object.keys(b).filter((k) => b[k] !== undefined).length && keys.every((k) => sameJson(a[k], b[k]));
}

function isObject(value: unknown): value is Record<string, unknown> & object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
