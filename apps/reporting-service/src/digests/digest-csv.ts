import { StreamableFile } from '@nestjs/common';
import { WeeklyDigestFigures } from '@helpdesk/contracts';
import { defuseFormula, toCsv } from '@helpdesk/csv';

/** The figures in their CSV column order (as the event and the JSON name them). */
export const DIGEST_FIGURE_COLUMNS: ReadonlyArray<keyof WeeklyDigestFigures> = [
  'opened',
  'resolved',
  'backlogOpen',
  'mttrMeanHours',
  'mttrMedianHours',
  'mttrCount',
  'flrRate',
  'flrCount',
  'slaResolutionRate',
  'slaResolutionCount',
  'reopenRate',
  'csatMeanRating',
  'csatResponses',
];

export interface DigestCsvInput {
  weekStart: string;
  timeZone: string;
  groupId: string | null;
  groupName: string | null;
  figures: WeeklyDigestFigures;
}

/**
 * One group's week as CSV: a header row and one record (weekStart, timeZone, groupId, groupName, then the
 * figures; a null figure is an empty cell). UTF-8 with BOM so that Excel shows Japanese group names
 * intact; the group name, typed by people, is defused against formula injection.
 */
export function digestCsvText(digest: DigestCsvInput): string {
  return toCsv(
    ['weekStart', 'timeZone', 'groupId', 'groupName', ...DIGEST_FIGURE_COLUMNS],
    [
      [
        digest.weekStart,
        digest.timeZone,
        defuseFormula(digest.groupId),
        defuseFormula(digest.groupName),
        ...DIGEST_FIGURE_COLUMNS.map((name) => digest.figures[name]),
      ],
    ],
    { bom: true },
  );
}

/** `weekly-digest-<weekStart>-<group key>.csv`, ASCII only (the group's name may be Japanese). */
export function digestCsvFileName(weekStart: string, groupKey: string): string {
  return `weekly-digest-${weekStart}-${groupKey.replace(/[^A-Za-z0-9._-]/g, '_')}.csv`;
}

export function digestCsvDownload(csv: string, weekStart: string, groupKey: string): StreamableFile {
  const body = Buffer.from(csv, 'utf8');
  return new StreamableFile(body, {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="${digestCsvFileName(weekStart, groupKey)}"`,
    length: body.length,
  });
}
