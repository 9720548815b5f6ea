import { IncidentSourceRecord } from '@helpdesk/contracts';
import { IncidentEntity } from './entities/incident.entity';
import { factsOf, toSnapshot, withFacts } from './incident-facts.mapper';

const NO_NAMES = { caller: null, group: null, assignee: null };

function incident(over: Partial<IncidentEntity> = {}): IncidentEntity {
  return Object.assign(new IncidentEntity(), {
    id: '0190a6c4-0000-7000-8000-000000000001',
    number: 'INC0000045',
    version: 1,
    state: 'new',
    openedAt: new Date('2016-02-29T01:16:00.000Z'),
    firstResponseAt: null,
    assignedAt: null,
    resolvedAt: null,
    closedAt: null,
    cancelledAt: null,
    reassignmentCount: 0,
    reopenCount: 0,
    updatedAt: new Date('2016-02-29T01:16:00.000Z'),
    source: 'live',
    externalKey: null,
    sourceRecord: null,
    ...over,
  } satisfies Partial<IncidentEntity>);
}

const RECORD: IncidentSourceRecord = {
  system: 'servicenow',
  externalKey: 'servicenow:INC0000045',
  reassignmentCount: 2,
  reopenCount: 1,
  resolutionSlaMet: false,
  resolvedAt: null,
};

describe('toSnapshot and the source record', () => {
  it("carries an imported incident's source record, unchanged by later facts", () => {
    const imported = incident({ source: 'servicenow', externalKey: RECORD.externalKey, sourceRecord: RECORD });
    expect(toSnapshot(imported, NO_NAMES, null)).toMatchObject({ source: 'servicenow', sourceRecord: RECORD });

    // Each replayed step is a copy with new facts: the source record rides along, the counters stay ours.
    const resolved = withFacts(imported, {
      ...factsOf(imported),
      state: 'resolved',
      reassignmentCount: 1,
      resolvedAt: new Date('2016-02-29T08:53:00.000Z'),
    });
    expect(toSnapshot(resolved, NO_NAMES, null)).toMatchObject({
      reassignmentCount: 1,
      resolvedAt: '2016-02-29T08:53:00.000Z',
      sourceRecord: RECORD,
    });
  });

  it('says null for live incidents, also for a row read without the column', () => {
    expect(toSnapshot(incident(), NO_NAMES, null).sourceRecord).toBeNull();
    const withoutColumn = incident();
    delete (withoutColumn as Partial<IncidentEntity>).sourceRecord;
    expect(toSnapshot(withoutColumn, NO_NAMES, null).sourceRecord).toBeNull();
  });
});
