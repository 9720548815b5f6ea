/**
 * The incident service learns people and groups from the gateway's identity.* events over Kafka (its
 * directory copy), so right after start-up it may not know the demo company yet. These read-only probes
 * poll, through the gateway, until it does: no sleeps, no guess at how long Kafka takes.
 */
import { waitFor } from '@helpdesk/testing';
import { Actor } from './gateway-client';

/** A group id no directory holds: the probe below is refused on it, so it never writes an incident. */
const NO_SUCH_GROUP = '00000000-0000-4000-8000-000000000000';

export interface ExpectedDirectory {
  /** Texts of new incidents and the group routing must send each to (proves the groups are known). */
  routes: ReadonlyArray<readonly [shortDescription: string, groupName: string]>;
  /** People the incident service must know (names, departments, managers). */
  people: readonly Actor[];
}

export async function waitForIncidentDirectory(admin: Actor, expected: ExpectedDirectory, timeoutMs = 90_000): Promise<void> {
  const known = new Set<string>();
  await waitFor(
    async () => {
      for (const [shortDescription, groupName] of expected.routes) {
        const res = await admin.post('/routing-rules/simulate', { shortDescription });
        if (res.status !== 200) throw new Error(`routing simulation: ${res.status} ${JSON.stringify(res.body)}`);
        if (res.body.groupName !== groupName) return false;
      }
      for (const person of expected.people) {
        if (!known.has(person.id) && !(await knowsPerson(admin, person.id))) return false;
        known.add(person.id);
      }
      return true;
    },
    { timeoutMs, intervalMs: 250, description: 'the incident service to learn the demo directory from identity events' },
  );
}

/**
 * Opening an incident for someone in a group that does not exist is refused either way, with nothing
 * written: on callerId while the caller is unknown, on assignmentGroupId once they are known.
 */
async function knowsPerson(admin: Actor, userId: string): Promise<boolean> {
  const res = await admin.post('/incidents', {
    shortDescription: 'directory probe',
    callerId: userId,
    assignmentGroupId: NO_SUCH_GROUP,
  });
  if (res.status !== 400) throw new Error(`directory probe: expected 400, got ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.details[0]?.field === 'assignmentGroupId';
}
