import { CategoriesRepository } from './categories.repository';
import { CategoryFlagsCache } from './category-flags.cache';

function cacheOver(rows: { code: string; firstLevelResolvable: boolean }[]) {
  const allFlags = jest.fn(async () => rows);
  return { cache: new CategoryFlagsCache({ allFlags } as unknown as CategoriesRepository), allFlags };
}

describe('CategoryFlagsCache', () => {
  const rows = [
    { code: 'hardware', firstLevelResolvable: false },
    { code: 'hardware.peripherals', firstLevelResolvable: true },
    { code: 'software', firstLevelResolvable: true },
  ];

  it('answers the subcategory’s flag, else the category’s, else null', async () => {
    const { cache } = cacheOver(rows);
    expect(await cache.firstLevelResolvable('hardware', null)).toBe(false);
    expect(await cache.firstLevelResolvable('hardware', 'hardware.peripherals')).toBe(true);
    expect(await cache.firstLevelResolvable('software', 'software.unknown')).toBe(true);
    expect(await cache.firstLevelResolvable('imported-category', null)).toBeNull();
    expect(await cache.firstLevelResolvable(null, null)).toBeNull();
  });

  it('reads the table once, and again after invalidate()', async () => {
    const { cache, allFlags } = cacheOver(rows);
    await cache.firstLevelResolvable('hardware', null);
    await cache.firstLevelResolvable('software', null);
    expect(allFlags).toHaveBeenCalledTimes(1);
    cache.invalidate();
    await cache.firstLevelResolvable('software', null);
    expect(allFlags).toHaveBeenCalledTimes(2);
  });
});
