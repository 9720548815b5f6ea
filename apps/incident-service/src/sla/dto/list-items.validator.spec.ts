import { BusinessCalendarInputDto } from './business-calendar.dto';
import { validateListItems } from './list-items.validator';
import { SlaPolicyInputDto } from './sla-policy.dto';

describe('validateListItems', () => {
  it('names bad fields list[i].field, refuses unknown fields and non-objects', () => {
    const { details } = validateListItems(
      SlaPolicyInputDto,
      [
        { priority: 1, responseMinutes: 15, resolutionMinutes: 240, calendarId: '24x7' },
        { priority: 6, responseMinutes: '30', resolutionMinutes: 480, calendarId: '24x7', colour: 'red' },
        'P3',
      ],
      'policies',
    );
    expect(details.map((d) => d.field)).toEqual([
      'policies[1].colour',
      'policies[1].priority',
      'policies[1].responseMinutes',
      'policies[2]',
    ]);
    expect(details[0].reason).toBe('property colour should not exist');
  });

  it('counts name lengths in code points, so 100 emoji or kanji fit', () => {
    const calendar = (name: string) => ({
      id: 'osaka',
      name,
      timeZone: 'Asia/Tokyo',
      mode: 'business',
      workingHours: {},
      japaneseHolidaysOff: true,
      extraHolidays: [],
    });
    expect(validateListItems(BusinessCalendarInputDto, [calendar('🏢'.repeat(100))], 'calendars').details).toEqual([]);
    expect(validateListItems(BusinessCalendarInputDto, [calendar('営'.repeat(101))], 'calendars').details).toEqual([
      { field: 'calendars[0].name', reason: 'name must be at most 100 characters' },
    ]);
    expect(validateListItems(BusinessCalendarInputDto, [calendar('a\u0000b')], 'calendars').details[0].field).toBe(
      'calendars[0].name',
    );
  });
});
