import {
  emptyFigures,
  REPORT_FIGURES,
  ROW_ORDER_FIGURE,
  SUMMARY_FIGURES,
  summaryFigureName,
  toSummaryFigures,
} from './report-figures';

describe('report figures', () => {
  it('names the summary figures after the report', () => {
    expect(summaryFigureName('mttr', 'meanHours')).toBe('mttrMeanHours');
    expect(summaryFigureName('flr', 'rate')).toBe('flrRate');
    const names = SUMMARY_FIGURES.map((f) => f.name);
    expect(names).toEqual(
      expect.arrayContaining(['mttrCount', 'mttrMeanHours', 'fcrGrossRate', 'backlogOpen', 'deflectionRate']),
    );
    expect(new Set(names).size).toBe(names.length);
  });

  it('gives each rate and value beside a count, and orders rows by a count of the report', () => {
    for (const [report, figures] of Object.entries(REPORT_FIGURES)) {
      expect(figures.some((f) => f.kind === 'count')).toBe(true);
      expect(figures.find((f) => f.name === ROW_ORDER_FIGURE[report as keyof typeof ROW_ORDER_FIGURE])?.kind).toBe('count');
    }
  });

  it('over nothing: counts 0, the rest null', () => {
    expect(emptyFigures(REPORT_FIGURES.flr)).toEqual({ resolved: 0, firstLevelResolved: 0, rate: null });
    expect(toSummaryFigures('flr', { resolved: 2, firstLevelResolved: 1, rate: 0.5 })).toEqual({
      flrResolved: 2,
      flrFirstLevelResolved: 1,
      flrRate: 0.5,
    });
  });
});
