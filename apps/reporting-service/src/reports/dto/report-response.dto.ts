import { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { FigureDefinition, FigureReportName, REPORT_FIGURES, SUMMARY_FIGURES } from '../domain/report-figures';
import { REPORT_GROUP_BYS, REPORT_NAMES, ReportName } from '../report-query';

/**
 * The OpenAPI shapes of the reports, made from the figure definitions (report-figures.ts) so that the
 * documentation, the JSON and the CSV columns cannot drift apart: per report its figures, a row (key,
 * label and the figures) and the answer.
 */
function defineDto(name: string, properties: Array<[string, ApiPropertyOptions]>): Type<unknown> {
  const dto = class {};
  Object.defineProperty(dto, 'name', { value: name });
  for (const [property, options] of properties) ApiProperty(options)(dto.prototype, property);
  return dto;
}

function figureProperty(f: FigureDefinition): [string, ApiPropertyOptions] {
  switch (f.kind) {
    case 'count':
      return [f.name, { type: 'integer', minimum: 0, description: f.description }];
    case 'rate':
      return [f.name, { type: Number, nullable: true, minimum: 0, maximum: 1, description: `${f.description}; null over 0` }];
    case 'value':
      return [f.name, { type: Number, nullable: true, description: `${f.description}; null over 0` }];
    case 'instant':
      return [f.name, { type: String, format: 'date-time', description: f.description }];
  }
}

const pascal = (name: string) => `${name[0].toUpperCase()}${name.slice(1)}`;

const ROW_KEY: Array<[string, ApiPropertyOptions]> = [
  [
    'key',
    {
      type: String,
      nullable: true,
      description:
        "The bucket's first local date (YYYY-MM-DD), or the group id, agent id, category, priority, channel or CI id; " +
        'null: incidents without one',
    },
  ],
  ['label', { type: String, nullable: true, description: "The bucket's date, the group's or agent's name, else the key" }],
];

function reportDto(report: ReportName, figures: readonly FigureDefinition[], withRows: boolean): Type<unknown> {
  const name = pascal(report);
  const total = defineDto(`${name}FiguresDto`, figures.map(figureProperty));
  const rows: ApiPropertyOptions = withRows
    ? {
        type: [defineDto(`${name}RowDto`, [...ROW_KEY, ...figures.map(figureProperty)])],
        description: 'Time rows by date; other rows most first',
      }
    : { type: 'array', items: { type: 'object' }, maxItems: 0, description: 'Always empty: the summary is totals only' };
  return defineDto(`${name}ReportDto`, [
    ['report', { enum: REPORT_NAMES, example: report }],
    ['from', { type: String, format: 'date-time', description: 'Start of the period, included' }],
    ['to', { type: String, format: 'date-time', description: 'End of the period, excluded' }],
    ['groupBy', { enum: REPORT_GROUP_BYS, nullable: true, description: 'The groupBy applied (backlog: priority by default)' }],
    ['timeZone', { type: String, example: 'Asia/Tokyo', description: 'The zone buckets were cut in' }],
    ['generatedAt', { type: String, format: 'date-time' }],
    ['total', { type: total, description: 'The figures over the whole period (backlog: at the last instant)' }],
    ['rows', rows],
  ]);
}

export const SUMMARY_REPORT_DTO = reportDto('summary', SUMMARY_FIGURES, false);

export const REPORT_DTOS = Object.fromEntries(
  (Object.keys(REPORT_FIGURES) as FigureReportName[]).map((report) => [report, reportDto(report, REPORT_FIGURES[report], true)]),
) as Record<FigureReportName, Type<unknown>>;
