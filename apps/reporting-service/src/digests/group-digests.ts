import { WeeklyDigestFigures } from '@helpdesk/contracts';
import { ReportFigures, ReportName, ReportRow } from '../reports/report-query';

/** The reports a digest takes its figures from, each grouped by assignment group over the week. */
export const DIGEST_REPORTS = [
  'volume',
  'backlog',
  'mttr',
  'flr',
  'sla',
  'reopen',
  'csat',
] as const satisfies readonly ReportName[];
export type DigestReportName = (typeof DIGEST_REPORTS)[number];

/** weekly_digest.group_key of the incidents without an assignment group (group ids are UUIDs). */
export const NO_GROUP_KEY = 'none';

export interface GroupDigest {
  groupKey: string;
  groupId: string | null;
  groupName: string | null;
  figures: WeeklyDigestFigures;
}

const count = (v: ReportFigures[string] | undefined): number => (v === null || v === undefined ? 0 : Number(v));
const valueOf = (v: ReportFigures[string] | undefined): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * One digest per group with incidents in the week: opened, resolved or cancelled in it, or still open at its
 * end. A group missing from a report's rows had nothing that report counts (counts 0, the rest null).
 */
export function groupDigests(rowsByReport: Record<DigestReportName, readonly ReportRow[]>): GroupDigest[] {
  const rows = Object.fromEntries(
    DIGEST_REPORTS.map((name) => [name, new Map(rowsByReport[name].map((r) => [r.key, r]))]),
  ) as Record<DigestReportName, Map<string | null, ReportRow>>;
  const active = new Set<string | null>();
  for (const r of rowsByReport.volume) if (count(r.opened) + count(r.resolved) + count(r.cancelled) > 0) active.add(r.key);
  for (const r of rowsByReport.backlog) if (count(r.open) > 0) active.add(r.key);

  return [...active]
    .map((key): GroupDigest => {
      const of = (name: DigestReportName): Partial<ReportRow> => rows[name].get(key) ?? {};
      const label = DIGEST_REPORTS.map((name) => of(name).label).find((l) => typeof l === 'string' && l.length > 0);
      const [volume, backlog, mttr, flr, sla, reopen, csat] = DIGEST_REPORTS.map(of);
      return {
        groupKey: key ?? NO_GROUP_KEY,
        groupId: key,
        groupName: key === null ? null : (label ?? null),
        figures: {
          opened: count(volume.opened),
          resolved: count(volume.resolved),
          backlogOpen: count(backlog.open),
          mttrMeanHours: valueOf(mttr.meanHours),
          mttrMedianHours: valueOf(mttr.medianHours),
          mttrCount: count(mttr.count),
          flrRate: valueOf(flr.rate),
          flrCount: count(flr.resolved),
          slaResolutionRate: valueOf(sla.resolutionRate),
          slaResolutionCount: count(sla.resolutionCount),
          reopenRate: valueOf(reopen.rate),
          csatMeanRating: valueOf(csat.meanRating),
          csatResponses: count(csat.responses),
        },
      };
    })
    .sort((a, b) =>
      a.groupId === null ? 1 : b.groupId === null ? -1 : a.groupKey < b.groupKey ? -1 : a.groupKey > b.groupKey ? 1 : 0,
    );
}
