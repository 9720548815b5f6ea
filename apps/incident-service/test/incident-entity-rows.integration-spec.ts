import { EntityRows } from '@helpdesk/database';
import { IncidentHistoryEntity } from '../src/incidents/entities/incident-history.entity';
import { IncidentEntity } from '../src/incidents/entities/incident.entity';
import { as, IncidentTestApp, startIncidentService } from './support/incident-test-app';

/** The hot-path loader hydrates an incident exactly as TypeORM's own findOneBy does, every column type included. */
describe('EntityRows on incidents (real PostgreSQL)', () => {
  let t: IncidentTestApp;

  beforeAll(async () => {
    t = await startIncidentService('row_loader');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('gives the same entity as TypeORM for new and resolved incidents, by id and by number', async () => {
    const people = t.directory.people;
    const fresh = await as(t, people.employee).post('/incidents', { shortDescription: 'プリンターが動かない 🖨️' });
    const phone = await as(t, people.agent).post('/incidents', {
      shortDescription: 'パスワードを忘れた',
      description: '電話で対応\n二行目',
      channel: 'phone',
      callerId: people.employee.id,
      category: 'account',
      impact: 1,
      urgency: 2,
      resolveAtFirstContact: { resolutionCode: 'user_instructed', resolutionNotes: 'リセット手順を案内 ✅' },
    });
    expect([fresh.status, phone.status]).toEqual([201, 201]);

    const loader = new EntityRows(t.dataSource, IncidentEntity);
    for (const { id, number } of [fresh.body, phone.body]) {
      const typeorm = await t.dataSource.manager.findOneBy(IncidentEntity, { id });
      expect(typeorm).not.toBeNull();
      expect(await loader.findOneBy('id', id)).toEqual(typeorm);
      expect(await loader.findOneBy('number', number)).toEqual(typeorm);
    }
    expect(await loader.findOneBy('number', 'INC9999999')).toBeNull();

    // A row inserted by EntityRows reads back through TypeORM as it was (jsonb, Japanese, emoji, nulls),
    // with the identity column left to the database.
    const entry = Object.assign(new IncidentHistoryEntity(), {
      incidentId: fresh.body.id,
      at: new Date('2026-12-01T09:30:00.123Z'),
      actorId: null,
      actorRole: 'system',
      action: 'update',
      changes: [{ field: 'shortDescription', from: 'プリンター', to: 'プリンター 🖨️' }],
      note: null,
      version: 99,
    });
    await t.dataSource.transaction((m) => new EntityRows(t.dataSource, IncidentHistoryEntity).insert(entry, m));
    const stored = await t.dataSource.manager.findOneBy(IncidentHistoryEntity, { incidentId: fresh.body.id, version: 99 });
    expect(stored).toEqual({ ...entry, id: expect.any(String) });
  });
});
