import { Type as ClassType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { RequestValidationException } from './validation-errors';
import { UUID_PATTERN as UUID } from '@helpdesk/contracts';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** `?limit=&cursor=` of every list (api.md); extend it with the list's filters. */
export class PageQueryDto {
  @ApiPropertyOptional({
    description: `Items per page (1–${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE})`,
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
    example: 50,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page; omit for the first page' })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor must be a nextCursor returned by this list' })
  cursor?: string;
}

/** One page of a list: `{ items, nextCursor }`, nextCursor null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** An opaque cursor: the sort key of the last item, as base64url JSON. */
export function encodeCursor(key: Record<string, string | number | boolean | null>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** What a cursor field holds; decodeCursor checks each, so a hand-made cursor never reaches the database. */
export type CursorFieldKind = 'string' | 'uuid' | 'timestamp' | 'number';
type CursorFieldValue<K extends CursorFieldKind> = K extends 'number' ? number : string;
export type DecodedCursor<S extends Record<string, CursorFieldKind>> = { [F in keyof S]: CursorFieldValue<S[F]> };

const CONTROL_CHARACTER = /\p{Cc}/u;

function isCursorField(kind: CursorFieldKind, value: unknown): boolean {
  switch (kind) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'uuid':
      return typeof value === 'string' && UUID.test(value);
    case 'timestamp':
      // Cursors carry Date#toISOString(): anything else (2024-02-31, no zone, +275760 years) is not ours.
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value;
    case 'string':
      return typeof value === 'string' && value.length <= 1000 && !CONTROL_CHARACTER.test(value);
  }
}

/**
 * Reads a cursor back; a cursor that is not ours is a 400 on `cursor`, never a 500. `shape` names each key
 * the cursor must carry and what it holds (`{ at: 'timestamp', id: 'uuid' }`); a cursor with other keys, or
 * a value of another kind (an id that is no UUID, a time that is no ISO 8601 instant), is refused here.
 */
export function decodeCursor<S extends Record<string, CursorFieldKind>>(
  cursor: string | undefined,
  shape: S,
): DecodedCursor<S> | null {
  if (cursor === undefined || cursor === '') return null;
  const invalid = () =>
    new RequestValidationException([{ field: 'cursor', reason: 'cursor must be a nextCursor returned by this list' }]);
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid();
  const record = value as Record<string, unknown>;
  const fields = Object.keys(shape);
  if (Object.keys(record).length !== fields.length) throw invalid();
  for (const field of fields) {
    if (!Object.prototype.hasOwnProperty.call(record, field) || !isCursorField(shape[field], record[field])) throw invalid();
  }
  return record as DecodedCursor<S>;
}

/**
 * Builds a page from rows fetched with `limit + 1` (the extra row only says whether there is more).
 * `keyOf` gives the sort key of a row, which becomes the next cursor.
 */
export function toPage<TRow, TItem = TRow>(
  rows: TRow[],
  limit: number,
  keyOf: (row: TRow) => Record<string, string | number | boolean | null>,
  map: (row: TRow) => TItem = (row) => row as unknown as TItem,
): Page<TItem> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  return {
    items: pageRows.map(map),
    nextCursor: hasMore && pageRows.length > 0 ? encodeCursor(keyOf(pageRows[pageRows.length - 1])) : null,
  };
}

const pageClasses = new Map<ClassType<unknown>, ClassType<unknown>>();

/** An OpenAPI response class `{ items: Item[], nextCursor }` for a list route (`@ApiOkResponse({ type: PageOf(UserDto) })`). */
export function PageOf<T>(item: ClassType<T>): ClassType<Page<T>> {
  const existing = pageClasses.get(item);
  if (existing) return existing as ClassType<Page<T>>;
  class PageDto {
    @ApiProperty({ type: [item] })
    items: T[];

    @ApiProperty({ type: String, nullable: true, description: 'Pass as `?cursor=` for the next page; null on the last page' })
    nextCursor: string | null;
  }
  Object.defineProperty(PageDto, 'name', { value: `${item.name.replace(/Dto$/, '')}PageDto` });
  pageClasses.set(item, PageDto);
  return PageDto;
}
