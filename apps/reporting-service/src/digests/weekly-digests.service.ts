import { Injectable, Logger } from '@nestjs/common';
import { WeeklyDigestPublished } from '@helpdesk/contracts';
import { runInTransaction } from '@helpdesk/database';
import { OutboxService } from '@helpdesk/messaging';
import { decodeCursor, DEFAULT_PAGE_SIZE, Page, toPage } from '@helpdesk/service-runtime';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { ReportingConfig } from '../config/reporting.config';
import { ReportRow } from '../reports/report-query';
import { ReportsService } from '../reports/reports.service';
import { digestCsvText } from './digest-csv';
import { digestCsvPath } from './digest-paths';
import { DigestWeek, digestWeek } from './digest-week';
import { DigestException } from './digest.exception';
import { ListDigestsQueryDto } from './dto/digest-queries.dto';
import { WeeklyDigestDto, WeeklyDigestsOfWeekDto } from './dto/weekly-digest.dto';
import { DIGEST_REPORTS, DigestReportName, groupDigests } from './group-digests';
import { WeeklyDigestRecord, WeeklyDigestsRepository } from './weekly-digests.repository';

/**
 * The weekly digest: per assignment group, the figures of a finished week (Monday to Monday in
 * REPORT_TIME_ZONE) from ReportsService, stored with its CSV and published as
 * reporting.weekly-digest-published in the same transaction. Each week is produced once across replicas:
 * a transaction-scoped advisory lock per week, then "already there? return those", and the unique
 * (week_start, group_key) index under it.
 */
@Injectable()
export class WeeklyDigestsService {
  private readonly logger = new Logger(WeeklyDigestsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly digests: WeeklyDigestsRepository,
    private readonly reports: ReportsService,
    private readonly outbox: OutboxService,
    private readonly config: ReportingConfig,
  ) {}

  /**
   * The week's digests: made now (`created`), or the ones made before (none for a week without incidents).
   * A week still running is refused.
   */
  async produce(weekStart: string, now: Date = new Date()): Promise<WeeklyDigestsOfWeekDto> {
    const week = digestWeek(weekStart, this.config.REPORT_TIME_ZONE);
    if (week.to.getTime() > now.getTime()) throw DigestException.weekNotOver(weekStart, week.to);
    return runInTransaction(this.dataSource, async (manager) => {
      await this.digests.lockWeek(manager, weekStart);
      const existing = await this.digests.findByWeek(manager, weekStart);
      if (existing.length > 0) return this.ofWeek(week, false, existing);
      const groups = groupDigests(await this.figures(week, now));
      const created: WeeklyDigestRecord[] = [];
      for (const group of groups) {
        const digest = { id: uuidv7(), weekStart, timeZone: week.timeZone, ...group, createdAt: now };
        // Under the week's lock nobody else inserts: the index only guards against a bug here.
        if (!(await this.digests.insertIfAbsent(manager, { ...digest, csv: digestCsvText(digest) }))) continue;
        await this.outbox.append(manager, {
          event: WeeklyDigestPublished,
          aggregateId: digest.id,
          payload: {
            digestId: digest.id,
            weekStart,
            timeZone: week.timeZone,
            groupId: digest.groupId,
            groupName: digest.groupName,
            figures: digest.figures,
            csvPath: digestCsvPath(digest.id),
          },
        });
        created.push(digest);
      }
      this.logger.log(`Weekly digests of ${weekStart} (${week.timeZone}): ${created.length} group(s)`);
      // A week without incidents has no digest to make: nothing was created (and the next check looks again).
      return this.ofWeek(week, created.length > 0, created);
    });
  }

  async list(query: ListDigestsQueryDto): Promise<Page<WeeklyDigestDto>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const cursor = decodeCursor(query.cursor, { w: 'string', k: 'string' });
    const rows = await this.digests.list({
      weekStart: query.weekStart,
      groupKey: query.group,
      after: cursor ? { weekStart: cursor.w, groupKey: cursor.k } : undefined,
      limit: limit + 1,
    });
    return toPage(rows, limit, (r) => ({ w: r.weekStart, k: r.groupKey }), toDigestDto);
  }

  async get(id: string): Promise<WeeklyDigestRecord & { csv: string }> {
    const digest = await this.digests.findById(id);
    if (!digest) throw DigestException.notFound(id);
    return digest;
  }

  /** Each digest report over the week, one row per group. */
  private async figures(week: DigestWeek, now: Date): Promise<Record<DigestReportName, ReportRow[]>> {
    const query = { from: week.from, to: week.to, groupBy: 'group' as const, timeZone: week.timeZone, filters: {} };
    const results = await Promise.all(DIGEST_REPORTS.map((name) => this.reports.run(name, query, now)));
    return Object.fromEntries(DIGEST_REPORTS.map((name, i) => [name, results[i].rows])) as Record<DigestReportName, ReportRow[]>;
  }

  private ofWeek(week: DigestWeek, created: boolean, rows: WeeklyDigestRecord[]): WeeklyDigestsOfWeekDto {
    return { weekStart: week.weekStart, timeZone: week.timeZone, created, items: rows.map(toDigestDto) };
  }
}

export function toDigestDto(r: WeeklyDigestRecord): WeeklyDigestDto {
  return {
    id: r.id,
    weekStart: r.weekStart,
    timeZone: r.timeZone,
    groupId: r.groupId,
    groupName: r.groupName,
    figures: r.figures,
    csvPath: digestCsvPath(r.id),
    createdAt: new Date(r.createdAt).toISOString(),
  };
}
