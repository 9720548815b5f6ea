import { EntityRowLoader } from '@helpdesk/database';
import { IncidentEntity } from '../src/incidents/entities/incident.entity';
import { as, IncidentTestApp, startIncidentService } from './support/incident-test-app';

/** The hot-path loader hydrates an incident exactly as TypeORM's own findOneBy does, every column type included. */
describe('EntityRowLoader on incidents (real PostgreSQL)', () => {
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

    const loader = new EntityRowLoader(t.dataSource, IncidentEntity);
    for (const { id, number } of [fresh.body, phone.body]) {
      const typeorm = await t.dataSource.manager.findOneBy(IncidentEntity, { id });
      expect(typeorm).not.toBeNull();
      expect(await loader.findOneBy('id', id)).toEqual(typeorm);
      expect(await loader.findOneBy('number', number)).toEqual(typeorm);
    }
    expect(await loader.findOneBy('number', 'INC9999999')).toBeNull();
  });
});
