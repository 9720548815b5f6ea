import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serviceNowDatasetPath } from '@helpdesk/testing';
import { computeServiceNowFileFigures, readCsvRecords } from './servicenow-file-figures';

const HEADER =
  'number,incident_state,reassignment_count,reopen_count,sys_mod_count,made_sla,opened_at,location,sys_updated_at,resolved_at';

// Hours from opened_at to resolved_at: INC1 2, INC2 6, INC4 3, INC5 20, INC7 4; INC3's resolved_at is '?'.
const LINES = [
  HEADER,
  // Never reassigned nor reopened; a quoted location with a comma and a line break.
  'INC1,New,0,0,0,TRUE,01-03-2016 08:00,"Tokyo, HQ\r\n3F",01-03-2016 08:05,01-03-2016 10:00',
  'INC1,Resolved,0,0,1,TRUE,01-03-2016 08:00,"Tokyo, HQ\r\n3F",01-03-2016 10:00,01-03-2016 10:00',
  'INC1,Closed,0,0,2,TRUE,01-03-2016 08:00,"Tokyo, HQ\r\n3F",06-03-2016 10:00,01-03-2016 10:00',
  // Reopened; its final row says the SLA was missed.
  'INC2,Active,0,0,0,TRUE,01-03-2016 09:00,"Say ""hi""",01-03-2016 09:10,01-03-2016 15:00',
  'INC2,Resolved,0,0,1,TRUE,01-03-2016 09:00,"Say ""hi""",01-03-2016 11:00,01-03-2016 15:00',
  'INC2,Active,0,1,2,TRUE,01-03-2016 09:00,"Say ""hi""",01-03-2016 12:00,01-03-2016 15:00',
  'INC2,Resolved,0,1,3,FALSE,01-03-2016 09:00,"Say ""hi""",01-03-2016 15:00,01-03-2016 15:00',
  // Reassigned once; resolved_at unknown: resolved, but out of MTTR.
  'INC3,Active,0,0,0,TRUE,02-03-2016 08:00,?,02-03-2016 08:10,?',
  'INC3,Active,1,0,1,TRUE,02-03-2016 08:00,?,02-03-2016 09:00,?',
  'INC3,Closed,1,0,2,TRUE,02-03-2016 08:00,?,07-03-2016 09:00,?',
  // Two rows with the greatest sys_mod_count: the later sys_updated_at (made_sla FALSE) is final, not the later line.
  'INC4,New,0,0,0,TRUE,03-03-2016 08:00,?,03-03-2016 08:01,03-03-2016 11:00',
  'INC4,Resolved,0,0,2,FALSE,03-03-2016 08:00,?,03-03-2016 12:00,03-03-2016 11:00',
  'INC4,Resolved,0,0,2,TRUE,03-03-2016 08:00,?,03-03-2016 11:00,03-03-2016 11:00',
  // Same sys_mod_count and sys_updated_at: the later line is final (made_sla TRUE).
  'INC5,Resolved,0,0,1,FALSE,03-03-2016 14:00,?,04-03-2016 10:00,04-03-2016 10:00',
  'INC5,Resolved,0,0,1,TRUE,03-03-2016 14:00,?,04-03-2016 10:00,04-03-2016 10:00',
  // Never resolved: counted as an incident only (its made_sla TRUE counts nowhere).
  'INC6,Active,0,0,0,TRUE,04-03-2016 08:00,?,04-03-2016 08:30,?',
  // Resolved with no SLA verdict on its final row: out of the SLA rate only.
  'INC7,Resolved,0,0,0,?,05-03-2016 00:00,?,05-03-2016 04:00,05-03-2016 04:00',
];
const CSV = LINES.join('\r\n') + '\r\n';

describe('computeServiceNowFileFigures', () => {
  it('computes the figures of a hand-made log', () => {
    expect(computeServiceNowFileFigures(CSV)).toEqual({
      incidents: 7,
      resolved: 6,
      mttrHours: { mean: (2 + 6 + 3 + 20 + 4) / 5, median: 4, count: 5 },
      flr: { count: 4, total: 6, rate: 4 / 6 },
      reopen: { count: 1, total: 6, rate: 1 / 6 },
      sla: { count: 3, total: 5, rate: 3 / 5 },
    });
  });

  it('takes the mean of the two middle durations as the median of an even count (LF line ends too)', () => {
    const withoutInc7 = LINES.filter((l) => !l.startsWith('INC7,')).join('\n');
    expect(computeServiceNowFileFigures(withoutInc7)).toMatchObject({
      incidents: 6,
      resolved: 5,
      mttrHours: { mean: (2 + 3 + 6 + 20) / 4, median: (3 + 6) / 2, count: 4 },
      flr: { count: 3, total: 5 },
      sla: { count: 3, total: 5 },
    });
  });

  it('has no rates nor durations without resolved incidents', () => {
    expect(computeServiceNowFileFigures([HEADER, LINES[16]].join('\n'))).toEqual({
      incidents: 1,
      resolved: 0,
      mttrHours: { mean: null, median: null, count: 0 },
      flr: { count: 0, total: 0, rate: null },
      reopen: { count: 0, total: 0, rate: null },
      sla: { count: 0, total: 0, rate: null },
    });
  });

  it('refuses a file it cannot read rather than guess', () => {
    expect(() => computeServiceNowFileFigures(CSV.replace('01-03-2016 10:00', '31-02-2016 10:00'))).toThrow(
      /record 1 resolved_at: '31-02-2016 10:00'/,
    );
    expect(() => computeServiceNowFileFigures([HEADER, 'INC1,New,0'].join('\n'))).toThrow(
      /record 1: 3 fields, the header has 10/,
    );
    expect(() => computeServiceNowFileFigures(CSV.replace('reopen_count', 'reopens'))).toThrow(/no column reopen_count/);
    expect(() => computeServiceNowFileFigures(`${HEADER}\nINC1,"open`)).toThrow(/inside a quoted field/);
  });

  it('computes the sample event log: 890 incidents, all resolved', () => {
    const figures = computeServiceNowFileFigures(readFileSync(serviceNowDatasetPath(), 'utf8'));
    expect(figures).toMatchObject({
      incidents: 890,
      resolved: 890,
      mttrHours: { count: 861 },
      flr: { count: 497, total: 890 },
      reopen: { count: 10, total: 890 },
      sla: { count: 495, total: 890 },
    });
    expect(figures.mttrHours.mean).toBeCloseTo(315.8668, 4);
    expect(figures.mttrHours.median).toBeCloseTo(54.4667, 4);
  });

  it('prints the figures as JSON when run from the command line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sn-figures-'));
    try {
      const file = join(dir, 'log.csv');
      writeFileSync(file, CSV);
      const run = spawnSync(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'servicenow-file-figures.ts'), file], {
        encoding: 'utf8',
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual(computeServiceNowFileFigures(CSV));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('readCsvRecords', () => {
  it('reads RFC 4180: quotes, doubled quotes, line breaks in quotes, CRLF or LF, a BOM, blank lines', () => {
    expect(readCsvRecords('\ufeffa,b,c\r\n"x, y","say ""hi""","two\r\nlines"\n\n1,,3')).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\r\nlines'],
      ['1', '', '3'],
    ]);
  });
});
