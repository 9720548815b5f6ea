import { PayloadValidationError } from '../events/event-definition';
import { EventEnvelope } from '../events/event-envelope';
import { Topics } from '../topics';
import { ReportingEvents, WeeklyDigestFigures, WeeklyDigestPublished, WeeklyDigestPublishedPayload } from './digest.events';

const figures: WeeklyDigestFigures = {
  opened: 12,
  resolved: 10,
  backlogOpen: 4,
  mttrMeanHours: 5.25,
  mttrMedianHours: 3,
  mttrCount: 10,
  flrRate: 0.6,
  flrCount: 10,
  slaResolutionRate: 0.9,
  slaResolutionCount: 10,
  reopenRate: 0.1,
  csatMeanRating: 4.5,
  csatResponses: 2,
};

const payload: WeeklyDigestPublishedPayload = {
  digestId: '0190b7c2-0000-7000-8000-000000000001',
  weekStart: '2026-03-02',
  timeZone: 'Asia/Tokyo',
  groupId: 'g1',
  groupName: 'サービスデスク 🛠',
  figures,
  csvPath: '/api/v1/reports/digests/0190b7c2-0000-7000-8000-000000000001?format=csv',
};

const envelope = (type: string, p: unknown): EventEnvelope => ({ type, payload: p }) as unknown as EventEnvelope;

describe('reporting.weekly-digest-published', () => {
  it('goes to the digest topic, keyed by the digest', () => {
    expect(ReportingEvents).toEqual([WeeklyDigestPublished]);
    expect(WeeklyDigestPublished).toMatchObject({
      type: 'reporting.weekly-digest-published',
      topic: Topics.reportingDigest,
      aggregateType: 'weekly_digest',
      version: 1,
    });
  });

  it('accepts a digest, the group-less one and a quiet week (null rates and means) alike', () => {
    expect(WeeklyDigestPublished.describePayloadProblems(payload)).toEqual([]);
    expect(WeeklyDigestPublished.describePayloadProblems({ ...payload, groupId: null, groupName: null })).toEqual([]);
    const quiet = {
      ...figures,
      resolved: 0,
      mttrMeanHours: null,
      mttrMedianHours: null,
      mttrCount: 0,
      flrRate: null,
      flrCount: 0,
    };
    const noAnswers = { ...quiet, slaResolutionRate: null, slaResolutionCount: 0, reopenRate: null, csatMeanRating: null };
    expect(WeeklyDigestPublished.describePayloadProblems({ ...payload, figures: { ...noAnswers, csatResponses: 0 } })).toEqual(
      [],
    );
    expect(WeeklyDigestPublished.match(envelope('reporting.weekly-digest-published', payload))?.payload.groupName).toBe(
      'サービスデスク 🛠',
    );
    expect(WeeklyDigestPublished.match(envelope('incident.created', payload))).toBeNull();
  });

  it('names each bad field of the digest', () => {
    const bad = { ...payload, digestId: 'x', weekStart: '2026-03-03', timeZone: '', groupId: '', csvPath: 'reports/x' };
    expect(WeeklyDigestPublished.describePayloadProblems(bad)).toEqual([
      'digestId must be a UUID',
      'weekStart must be a Monday as YYYY-MM-DD',
      'timeZone must be an IANA zone name',
      'groupId must be a non-empty string or null',
      'csvPath must be an absolute API path',
    ]);
    expect(WeeklyDigestPublished.describePayloadProblems({ ...payload, weekStart: '2026-02-30' })).toEqual([
      'weekStart must be a Monday as YYYY-MM-DD',
    ]);
    expect(WeeklyDigestPublished.describePayloadProblems({ ...payload, figures: [] })).toEqual(['figures must be an object']);
    expect(WeeklyDigestPublished.describePayloadProblems('x')).toEqual(['payload must be an object']);
  });

  it('names each bad figure: counts whole and ≥ 0, rates 0..1, ratings 1..5', () => {
    const bad = { ...figures, opened: -1, resolved: 1.5, flrRate: 1.2, reopenRate: '0.1', mttrMeanHours: -2, csatMeanRating: 0 };
    expect(WeeklyDigestPublished.describePayloadProblems({ ...payload, figures: bad })).toEqual([
      'figures.opened must be a whole number ≥ 0',
      'figures.resolved must be a whole number ≥ 0',
      'figures.flrRate must be a fraction from 0 to 1, or null',
      'figures.reopenRate must be a fraction from 0 to 1, or null',
      'figures.mttrMeanHours must be a number ≥ 0, or null',
      'figures.csatMeanRating must be a number from 1 to 5, or null',
    ]);
    const { backlogOpen: _missing, ...withoutBacklog } = figures;
    expect(WeeklyDigestPublished.describePayloadProblems({ ...payload, figures: withoutBacklog })).toEqual([
      'figures.backlogOpen must be a whole number ≥ 0',
    ]);
    expect(() =>
      WeeklyDigestPublished.match(envelope('reporting.weekly-digest-published', { ...payload, figures: bad })),
    ).toThrow(PayloadValidationError);
  });
});
