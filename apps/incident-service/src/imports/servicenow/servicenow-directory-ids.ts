import { v5 as uuidv5 } from 'uuid';
import { ImportedIncidentIdResolver } from './servicenow-incident-plan';

/**
 * Our ids for what the ServiceNow export names (groups, people, incidents): UUID v5 of a stable name, so
 * every import of the same file, on any replica or database, gives the same ids without a lookup table.
 */

/** The namespace of every id derived from ServiceNow names (a fixed random UUID: never change it). */
export const SERVICENOW_ID_NAMESPACE = 'a1679f1b-33ce-4fff-8cc6-9ca995fcf2d9';

export function serviceNowGroupId(name: string): string {
  return uuidv5(`servicenow:group:${name}`, SERVICENOW_ID_NAMESPACE);
}

export function serviceNowUserId(name: string): string {
  return uuidv5(`servicenow:user:${name}`, SERVICENOW_ID_NAMESPACE);
}

/** Keyed by the external key (`servicenow:INC0000045`). */
export function serviceNowIncidentId(externalKey: string): string {
  return uuidv5(`servicenow:incident:${externalKey}`, SERVICENOW_ID_NAMESPACE);
}

/** Binds the plan's ServiceNow names to these ids (CI names stay as they are: ciId holds a CI name or number). */
export const SERVICENOW_ID_RESOLVER: ImportedIncidentIdResolver = {
  groupId: serviceNowGroupId,
  userId: serviceNowUserId,
};
