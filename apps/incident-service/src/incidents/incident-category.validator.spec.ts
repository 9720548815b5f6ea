import { CategoriesService } from '../categories/categories.service';
import { CategoryEntity } from '../categories/entities/category.entity';
import { IncidentCategoryValidator } from './incident-category.validator';
import { IncidentException } from './incident.exception';

const rows: Partial<CategoryEntity>[] = [
  { code: 'network', parentId: null, active: true },
  { code: 'network.vpn', parentId: 'n', active: true },
  { code: 'network.modem', parentId: 'n', active: false },
  { code: 'hardware', parentId: null, active: true },
  { code: 'fax', parentId: null, active: false },
];
const categories = {
  findByCode: async (code: string) => (rows.find((r) => r.code === code) as CategoryEntity) ?? null,
} as unknown as CategoriesService;
const validator = new IncidentCategoryValidator(categories);

async function refusal(category: string | null, subcategory: string | null) {
  try {
    await validator.assertValid(category, subcategory);
  } catch (e) {
    expect(e).toBeInstanceOf(IncidentException);
    const body = (e as IncidentException).getResponse() as { details: { field: string; reason: string }[] };
    expect((e as IncidentException).getStatus()).toBe(400);
    return body.details[0];
  }
  return null;
}

describe('IncidentCategoryValidator', () => {
  it('accepts no category, a live category, and a live subcategory of it', async () => {
    expect(await refusal(null, null)).toBeNull();
    expect(await refusal('network', null)).toBeNull();
    expect(await refusal('network', 'network.vpn')).toBeNull();
  });

  it.each([
    ['netwrk', null, 'category', /not a category code/],
    ['network.vpn', null, 'category', /is a subcategory/],
    ['fax', null, 'category', /retired/],
    [null, 'network.vpn', 'subcategory', /needs its category/],
    ['network', 'network.vpm', 'subcategory', /not a category code/],
    ['hardware', 'network.vpn', 'subcategory', /not a subcategory of hardware/],
    ['network', 'network.modem', 'subcategory', /retired/],
  ])('refuses %s / %s naming %s', async (category, subcategory, field, reason) => {
    const detail = await refusal(category, subcategory);
    expect(detail).toMatchObject({ field });
    expect(detail!.reason).toMatch(reason);
  });
});
