import { DataSource } from 'typeorm';
import { CALENDAR_JP_BUSINESS } from './clock';
import { SlaAdminService } from './sla-admin.service';
import { SlaException } from './sla.exception';
import { SlaReferenceRepository } from './sla-reference.repository';
import { SlaReferenceService } from './sla-reference.service';
import { SlaTrackerService } from './sla-tracker.service';

// Validation happens before any transaction: no database is touched by these cases.
const transaction = jest.fn();
const admin = new SlaAdminService(
  { transaction } as unknown as DataSource,
  {} as SlaReferenceRepository,
  {} as SlaReferenceService,
  {} as SlaTrackerService,
);

async function details(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SlaException);
  expect((error as SlaException).getStatus()).toBe(400);
  expect(transaction).not.toHaveBeenCalled();
  return (error as SlaException).details;
}

const policy = (priority: number, responseMinutes = 60, resolutionMinutes = 600) => ({
  priority,
  responseMinutes,
  resolutionMinutes,
  calendarId: 'jp-business',
});

describe('SlaAdminService validation', () => {
  it('wants exactly one policy per priority, with a response target within the resolution target', async () => {
    const found = await details(
      admin.replacePolicies({ policies: [policy(1), policy(2, 500, 400), policy(2), policy(4)] }, undefined),
    );
    expect(found).toEqual([
      { field: 'policies[1].responseMinutes', reason: 'responseMinutes (500) must not exceed resolutionMinutes (400)' },
      { field: 'policies[2].priority', reason: 'P2 is listed twice' },
      { field: 'policies', reason: 'policies must give priorities 1–5 once each; missing P3, P5' },
    ]);
  });

  it('names each bad field of each calendar, the clock’s checks included, and duplicate ids', async () => {
    const { id: _id, ...rest } = CALENDAR_JP_BUSINESS;
    const found = await details(
      admin.replaceCalendars({
        calendars: [
          { ...rest, id: 'osaka', name: '大阪オフィス 🏯', timeZone: 'Asia/Osaka' },
          {
            ...rest,
            id: 'osaka',
            name: 'Osaka again',
            workingHours: { ...rest.workingHours, 1: [{ start: '18:00', end: '09:00' }] },
          },
        ],
      }),
    );
    expect(found.map((d) => d.field)).toEqual(['calendars[0].timeZone', 'calendars[1].workingHours[1][0]', 'calendars[1].id']);
  });
});
