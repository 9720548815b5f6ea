import { v5 as uuidv5 } from 'uuid';
import { ImportedIncidentIdResolver } from './servicenow-incident-plan';

/**
 * Our ids for the groups and people the ServiceNow export names: UUID v5 of a stable name, so every import
 * of the same file, on any replica or database, gives the same ids without a lookup table. (Incidents get
 * random ids: an aggregate id must never be reused by a second database publishing to the same topics.)
 */

/** The namespace of every id derived from ServiceNow names (a fixed random UUID: never change it). */
export const SERVICENOW_ID_NAMESPACE = 'a1679f1b-33ce-4fff-8cc6-9ca995fcf2d9';

/** Names seen lately (an import asks for the same few hundred people thousands of times; v5 is a SHA-1). */
const cache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

function derive(name: string): string {
  let id = cache.get(name);
  if (id === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    id = uuidv5(name, SERVICENOW_ID_NAMESPACE);
    cache.set(name, id);
  }
  return id;
}

export function serviceNowGroupId(name: string): string {
  return derive(`servicenow:group:${name}`);
}

export function serviceNowUserId(name: string): string {
  return derive(`servicenow:user:${name}`);
}

/** Binds the plan's ServiceNow names to these ids (CI names stay as they are: ciId holds a CI name or number). */
export const SERVICENOW_ID_RESOLVER: ImportedIncidentIdResolver = {
  groupId: serviceNowGroupId,
  userId: serviceNowUserId,
};
