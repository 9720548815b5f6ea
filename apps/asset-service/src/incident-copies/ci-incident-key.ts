/**
 * Incidents name their CI as typed: a CI number in any case (ci-00042), a UUID in any case, or free text.
 * Both sides compare on this key (indexed by migration 1798000300000): the CI's number and its id, upper-cased.
 */
export function incidentCiKeySql(column = 'ci_id'): string {
  return `upper(btrim(${column}))`;
}

/** The keys incidents may use for one CI. */
export function ciIncidentKeys(ci: { id: string; number: string }): [string, string] {
  return [ci.number.toUpperCase(), ci.id.toUpperCase()];
}
