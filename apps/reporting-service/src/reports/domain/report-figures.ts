import { ReportFigures, ReportName } from '../report-query';

/** count: whole number (0 over nothing); rate: fraction 0..1; value: a mean or percentile; instant: ISO time. */
export type FigureKind = 'count' | 'rate' | 'value' | 'instant';

export interface FigureDefinition {
  name: string;
  kind: FigureKind;
  description: string;
}

export type FigureReportName = Exclude<ReportName, 'summary'>;

const count = (name: string, description: string): FigureDefinition => ({ name, kind: 'count', description });
const rate = (name: string, description: string): FigureDefinition => ({ name, kind: 'rate', description });
const value = (name: string, description: string): FigureDefinition => ({ name, kind: 'value', description });

/**
 * Each report's figures, in their CSV column order. A rate or value is null when the count it is computed
 * on is 0; rates are unrounded fractions.
 */
export const REPORT_FIGURES: Record<FigureReportName, readonly FigureDefinition[]> = {
  mttr: [
    count(
      'count',
      'Incidents whose final resolution falls in the period (not cancelled; reopened ones once, at their last resolution)',
    ),
    value('meanHours', 'Mean resolved_at − opened_at, calendar hours'),
    value('medianHours', 'Median (percentile_cont 0.5), calendar hours'),
    value('p90Hours', '90th percentile (percentile_cont 0.9), calendar hours'),
    count('businessCount', 'Of those, the incidents with a business-time figure (the SLA clock: working time, pauses excluded)'),
    value('businessMeanHours', 'Mean business hours'),
    value('businessMedianHours', 'Median business hours'),
    value('businessP90Hours', '90th percentile, business hours'),
  ],
  mtta: [
    count('count', 'Incidents whose first agent response falls in the period'),
    value('meanMinutes', 'Mean open → first agent response, minutes'),
    value('medianMinutes', 'Median, minutes'),
    value('p90Minutes', '90th percentile, minutes'),
  ],
  fcr: [
    count('opened', 'Incidents opened in the period (all of them: the gross denominator)'),
    count('firstContactResolved', 'Of those, resolved at first contact (itil.md rules)'),
    rate('grossRate', 'firstContactResolved / opened'),
    count('netOpened', 'Opened in the period, leaving out categories not resolvable at first level'),
    count('netFirstContactResolved', 'Of those, resolved at first contact'),
    rate('netRate', 'netFirstContactResolved / netOpened'),
    count('claimed', 'Opened in the period with "resolved at first contact" ticked by the agent'),
    count('claimedHonoured', 'Of those, the tick honoured (the rules hold)'),
  ],
  flr: [
    count('resolved', 'Incidents resolved (or closed) whose resolution falls in the period'),
    count('firstLevelResolved', 'Of those, resolved by the service desk (tier 1), no reassignment, no reopen'),
    rate('rate', 'firstLevelResolved / resolved'),
  ],
  sla: [
    count('resolutionCount', 'Incidents resolved in the period with a resolution-target verdict'),
    count('resolutionMet', 'Of those, resolved within the target'),
    rate('resolutionRate', 'resolutionMet / resolutionCount'),
    count('responseCount', 'Incidents opened in the period with a response-target verdict'),
    count('responseMet', 'Of those, first response within the target'),
    rate('responseRate', 'responseMet / responseCount'),
  ],
  reopen: [
    count('resolved', 'Incidents resolved (or closed) whose resolution falls in the period'),
    count('reopened', 'Of those, reopened at least once'),
    rate('rate', 'reopened / resolved'),
  ],
  backlog: [
    count('open', 'Incidents open at asOf'),
    count('under1d', 'Open for less than 1 day at asOf'),
    count('d1to3', 'Open for 1 day or more and less than 3'),
    count('d3to7', 'Open for 3 days or more and less than 7'),
    count('d7to30', 'Open for 7 days or more and less than 30'),
    count('over30', 'Open for 30 days or more'),
    { name: 'asOf', kind: 'instant', description: 'The instant counted: `to` (at most now), or the end of the time bucket' },
  ],
  csat: [
    count('resolved', 'Live incidents resolved in the period: surveys sent'),
    count('responses', 'Of those, surveys answered'),
    rate('responseRate', 'responses / resolved'),
    value('meanRating', 'Mean rating (1-5) of the answers'),
  ],
  deflection: [
    count('sessions', "Employees' portal help sessions started in the period"),
    count('deflected', 'byClick + byNoIncident'),
    count('byClick', 'Ended by "this solved my problem" on an article'),
    count('byNoIncident', 'A suggested article viewed, and no incident opened by the employee within DEFLECTION_WINDOW of it'),
    count('pending', 'A suggested article viewed less than DEFLECTION_WINDOW ago, no incident opened since: not decided yet'),
    rate('rate', 'deflected / sessions'),
  ],
  volume: [
    count('opened', 'Incidents opened in the period (or bucket)'),
    count('resolved', 'Incidents resolved in it (their last resolution, if still resolved or closed)'),
    count('cancelled', 'Incidents cancelled in it'),
  ],
};

/** The reports of the summary, in its column order. */
export const SUMMARY_REPORTS: readonly FigureReportName[] = [
  'volume',
  'mttr',
  'mtta',
  'fcr',
  'flr',
  'sla',
  'reopen',
  'backlog',
  'csat',
  'deflection',
];

/** Rows other than time buckets: most first by this count, then by key. */
export const ROW_ORDER_FIGURE: Record<FigureReportName, string> = {
  mttr: 'count',
  mtta: 'count',
  fcr: 'opened',
  flr: 'resolved',
  sla: 'resolutionCount',
  reopen: 'resolved',
  backlog: 'open',
  csat: 'resolved',
  deflection: 'sessions',
  volume: 'opened',
};

/** A report's figure in the summary: mttr + meanHours → mttrMeanHours. */
export function summaryFigureName(report: FigureReportName, figure: string): string {
  return `${report}${figure[0].toUpperCase()}${figure.slice(1)}`;
}

export const SUMMARY_FIGURES: readonly FigureDefinition[] = SUMMARY_REPORTS.flatMap((report) =>
  REPORT_FIGURES[report].map((f) => ({
    ...f,
    name: summaryFigureName(report, f.name),
    description: `${report}: ${f.description}`,
  })),
);

/** The figures over nothing: counts 0, the rest null. */
export function emptyFigures(figures: readonly FigureDefinition[]): ReportFigures {
  return Object.fromEntries(figures.map((f) => [f.name, f.kind === 'count' ? 0 : null]));
}

/** Every figure null: the summary's deflection under an incident filter, which help sessions cannot take. */
export function unknownFigures(figures: readonly FigureDefinition[]): ReportFigures {
  return Object.fromEntries(figures.map((f) => [f.name, null]));
}

/** The report's figures under the summary's names. */
export function toSummaryFigures(report: FigureReportName, figures: ReportFigures): ReportFigures {
  return Object.fromEntries(REPORT_FIGURES[report].map((f) => [summaryFigureName(report, f.name), figures[f.name] ?? null]));
}
