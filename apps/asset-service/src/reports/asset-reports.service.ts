import { Injectable } from '@nestjs/common';
import {
  CursorFieldKind,
  decodeCursor,
  DecodedCursor,
  DEFAULT_PAGE_SIZE,
  Page,
  RequestValidationException,
  toPage,
} from '@helpdesk/service-runtime';
import { AssetIncidentsRepository } from '../incident-copies/asset-incidents.repository';
import { ProblematicCiPolicy } from '../incident-copies/problematic-ci.policy';
import { AssetReportsRepository, DistributionKey, IdleStockRow, WarrantyRow } from './asset-reports.repository';
import { addDays, calendarToday, isCalendarDate } from './calendar-day';
import {
  DistributionReportDto,
  DistributionRowDto,
  IdleStockItemDto,
  IdleStockReportDto,
  LeaverAssetDto,
  LeaversReportDto,
  ProblematicReportDto,
  WarrantyItemDto,
  WarrantyReportDto,
} from './dto/report.dto';
import {
  IdleStockReportQueryDto,
  ListReportQueryDto,
  ProblematicReportQueryDto,
  WarrantyReportQueryDto,
} from './dto/report-query.dto';

const DAY_MS = 86_400_000;
export const DEFAULT_WARRANTY_DAYS = 30;
export const DEFAULT_IDLE_DAYS = 90;

/** How much of a list report to read: a page (JSON) or everything (CSV). */
interface ReportSlice<S extends Record<string, CursorFieldKind>> {
  after: DecodedCursor<S> | null;
  limit: number | null;
}

function sliceOf<S extends Record<string, CursorFieldKind>>(query: ListReportQueryDto, all: boolean, shape: S): ReportSlice<S> {
  return all
    ? { after: null, limit: null }
    : { after: decodeCursor(query.cursor, shape), limit: query.limit ?? DEFAULT_PAGE_SIZE };
}

function pageOf<TRow, TItem>(
  rows: TRow[],
  limit: number | null,
  keyOf: (row: TRow) => Record<string, string | number>,
  map: (row: TRow) => TItem,
): Page<TItem> {
  return limit === null ? { items: rows.map(map), nextCursor: null } : toPage(rows, limit, keyOf, map);
}

/** The CMDB reports, each one page of JSON or the whole of it (`all`, for CSV). */
@Injectable()
export class AssetReportsService {
  constructor(
    private readonly reports: AssetReportsRepository,
    private readonly incidents: AssetIncidentsRepository,
    private readonly policy: ProblematicCiPolicy,
  ) {}

  async warranties(query: WarrantyReportQueryDto, timeZone: string | undefined, all: boolean): Promise<WarrantyReportDto> {
    const days = query.days ?? DEFAULT_WARRANTY_DAYS;
    const today = calendarToday(timeZone);
    const slice = sliceOf(query, all, { warrantyEnd: 'string', id: 'uuid' });
    // A cursor's date goes to SQL as a date: one that is none is not our cursor (400, not a failed cast).
    if (slice.after && !isCalendarDate(slice.after.warrantyEnd)) {
      throw new RequestValidationException([{ field: 'cursor', reason: 'cursor must be a nextCursor returned by this list' }]);
    }
    const rows = await this.reports.warranties(today, days, slice);
    return {
      ...pageOf(rows, slice.limit, (r) => ({ warrantyEnd: r.warrantyEnd, id: r.id }), toWarrantyItem),
      days,
      from: today,
      to: addDays(today, days),
    };
  }

  async distribution(by: DistributionKey): Promise<DistributionReportDto> {
    const byKey = new Map<string | null, DistributionRowDto>();
    for (const r of await this.reports.distribution(by)) {
      const row = byKey.get(r.key) ?? { key: r.key, label: null, total: 0, byType: {} };
      byKey.set(r.key, row);
      row.label ??= r.label;
      row.byType[r.type] = (row.byType[r.type] ?? 0) + r.count;
      row.total += r.count;
    }
    const items = [...byKey.values()].sort(
      (a, b) =>
        Number(a.key === null) - Number(b.key === null) ||
        b.total - a.total ||
        (a.label ?? '').localeCompare(b.label ?? '') ||
        (a.key ?? '').localeCompare(b.key ?? ''),
    );
    return { by, total: items.reduce((sum, r) => sum + r.total, 0), items };
  }

  async idleStock(query: IdleStockReportQueryDto, all: boolean, now = new Date()): Promise<IdleStockReportDto> {
    const days = query.days ?? DEFAULT_IDLE_DAYS;
    const slice = sliceOf(query, all, { since: 'timestamp', id: 'uuid' });
    const rows = await this.reports.idleStock(new Date(now.getTime() - days * DAY_MS), slice);
    return {
      ...pageOf(
        rows,
        slice.limit,
        (r) => ({ since: r.inStockSince.toISOString(), id: r.id }),
        (r) => toIdleItem(r, now),
      ),
      days,
    };
  }

  async problematic(query: ProblematicReportQueryDto, all: boolean, now = new Date()): Promise<ProblematicReportDto> {
    const since = this.policy.windowStart(now);
    const slice = sliceOf(query, all, { incidents: 'number', lastOpenedAt: 'timestamp', id: 'uuid' });
    const rows = await this.incidents.ranking(since, query.problematic ? this.policy.threshold : 1, slice.after, slice.limit);
    const page = pageOf(
      rows,
      slice.limit,
      (r) => ({ incidents: r.incidents, lastOpenedAt: r.lastOpenedAt.toISOString(), id: r.ci.id }),
      (r) => ({
        ...r.ci,
        incidents: r.incidents,
        lastIncidentAt: r.lastOpenedAt.toISOString(),
        problematic: this.policy.isProblematic(r.incidents),
      }),
    );
    return { ...page, threshold: this.policy.threshold, window: this.policy.window, since: since.toISOString() };
  }

  async leavers(query: ListReportQueryDto, all: boolean): Promise<LeaversReportDto> {
    const slice = sliceOf(query, all, { deactivatedAt: 'timestamp', id: 'uuid' });
    const people = await this.reports.leavers(slice);
    const page = pageOf(
      people,
      slice.limit,
      (p) => ({ deactivatedAt: p.deactivatedAt.toISOString(), id: p.id }),
      (p) => p,
    );
    const assets = new Map<string, LeaverAssetDto[]>();
    for (const a of await this.reports.assetsOf(page.items.map((p) => p.id))) {
      const list = assets.get(a.assignedToId) ?? [];
      assets.set(a.assignedToId, list);
      const { assignedToId: _person, ...asset } = a;
      list.push({ ...asset, assignedAt: a.assignedAt?.toISOString() ?? null });
    }
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((p) => ({
        person: { id: p.id, name: p.displayName, email: p.email, department: p.department },
        deactivatedAt: p.deactivatedAt.toISOString(),
        assets: assets.get(p.id) ?? [],
      })),
    };
  }
}

function toWarrantyItem(r: WarrantyRow): WarrantyItemDto {
  return { ...r };
}

function toIdleItem(r: IdleStockRow, now: Date): IdleStockItemDto {
  return {
    ...r,
    inStockSince: r.inStockSince.toISOString(),
    idleDays: Math.floor((now.getTime() - r.inStockSince.getTime()) / DAY_MS),
  };
}
