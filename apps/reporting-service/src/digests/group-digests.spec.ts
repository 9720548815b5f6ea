import { ReportRow } from '../reports/report-query';
import { DIGEST_REPORTS, DigestReportName, groupDigests, NO_GROUP_KEY } from './group-digests';

const row = (key: string | null, label: string | null, figures: Record<string, number | null>): ReportRow => ({
  key,
  label,
  ...figures,
});
const none = Object.fromEntries(DIGEST_REPORTS.map((name) => [name, []])) as unknown as Record<DigestReportName, ReportRow[]>;

describe('groupDigests', () => {
  it('gives each active group its figures from every report, absent ones as 0 or null', () => {
    const digests = groupDigests({
      ...none,
      volume: [
        row('g1', 'サービスデスク', { opened: 3, resolved: 2, cancelled: 0 }),
        row(null, null, { opened: 1, resolved: 0, cancelled: 0 }),
      ],
      backlog: [row('g1', 'サービスデスク', { open: 1 })],
      mttr: [row('g1', 'サービスデスク', { count: 2, meanHours: 1.5, medianHours: 1.5, p90Hours: 2 })],
      flr: [row('g1', 'サービスデスク', { resolved: 2, firstLevelResolved: 1, rate: 0.5 })],
      sla: [row('g1', 'サービスデスク', { resolutionCount: 2, resolutionMet: 2, resolutionRate: 1 })],
      reopen: [row('g1', 'サービスデスク', { resolved: 2, reopened: 0, rate: 0 })],
      csat: [row('g1', 'サービスデスク', { resolved: 2, responses: 1, responseRate: 0.5, meanRating: 4 })],
    });
    expect(digests).toEqual([
      {
        groupKey: 'g1',
        groupId: 'g1',
        groupName: 'サービスデスク',
        figures: {
          opened: 3,
          resolved: 2,
          backlogOpen: 1,
          mttrMeanHours: 1.5,
          mttrMedianHours: 1.5,
          mttrCount: 2,
          flrRate: 0.5,
          flrCount: 2,
          slaResolutionRate: 1,
          slaResolutionCount: 2,
          reopenRate: 0,
          csatMeanRating: 4,
          csatResponses: 1,
        },
      },
      {
        groupKey: NO_GROUP_KEY,
        groupId: null,
        groupName: null,
        figures: {
          opened: 1,
          resolved: 0,
          backlogOpen: 0,
          mttrMeanHours: null,
          mttrMedianHours: null,
          mttrCount: 0,
          flrRate: null,
          flrCount: 0,
          slaResolutionRate: null,
          slaResolutionCount: 0,
          reopenRate: null,
          csatMeanRating: null,
          csatResponses: 0,
        },
      },
    ]);
  });

  it('counts a group with only a backlog, or only cancellations, and leaves out one with nothing', () => {
    const digests = groupDigests({
      ...none,
      volume: [
        row('g2', 'ネットワーク', { opened: 0, resolved: 0, cancelled: 1 }),
        row('g3', 'idle', { opened: 0, resolved: 0, cancelled: 0 }),
      ],
      backlog: [row('g4', 'アプリ', { open: 7 }), row('g5', 'empty', { open: 0 })],
    });
    expect(digests.map((d) => [d.groupKey, d.groupName, d.figures.backlogOpen])).toEqual([
      ['g2', 'ネットワーク', 0],
      ['g4', 'アプリ', 7],
    ]);
  });

  it('reads figures that arrive as numeric text as numbers', () => {
    const [digest] = groupDigests({ ...none, volume: [{ key: 'g1', label: 'x', opened: '2', resolved: '1', cancelled: null }] });
    expect(digest.figures).toMatchObject({ opened: 2, resolved: 1 });
  });
});
