/** Anything placed in time by when it was opened. */
export interface OpenedAt {
  id: string;
  openedAt: Date;
}

/** Oldest first; the id settles ties so that every order of the same incidents sorts alike. */
export function byOpenedAtThenId(a: OpenedAt, b: OpenedAt): number {
  const diff = a.openedAt.getTime() - b.openedAt.getTime();
  if (diff !== 0) return diff;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The largest group of `items` whose openedAt fit in one window of `windowMs` (both ends inclusive: the
 * first and last may be exactly windowMs apart) that also holds `anchor`'s openedAt. Ties go to the
 * earliest window. Sorted by openedAt, then id. `items` must not repeat an id.
 */
export function densestWindowAround<T extends OpenedAt>(items: readonly T[], anchor: OpenedAt, windowMs: number): T[] {
  const sorted = [...items].sort(byOpenedAtThenId);
  const anchorAt = anchor.openedAt.getTime();
  let best: T[] = [];
  let end = 0;
  for (let start = 0; start < sorted.length; start++) {
    const from = sorted[start].openedAt.getTime();
    // A window is fixed by its first item: items opened at the same instant share one window.
    if (start > 0 && sorted[start - 1].openedAt.getTime() === from) continue;
    if (from > anchorAt) break;
    end = Math.max(end, start);
    while (end < sorted.length && sorted[end].openedAt.getTime() - from <= windowMs) end++;
    if (anchorAt - from > windowMs) continue;
    if (end - start > best.length) best = sorted.slice(start, end);
  }
  return best;
}
