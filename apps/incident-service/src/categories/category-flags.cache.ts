import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CategoriesRepository } from './categories.repository';

const TTL_MS = 30_000;

/**
 * Each category code's "resolvable at first level" flag, for the snapshot every incident event carries
 * (reporting's net FCR). The table is small and rarely edited: it is read whole and kept for 30 s;
 * this replica's own edits drop it at once.
 */
@Injectable()
export class CategoryFlagsCache {
  private flags: Map<string, boolean> | null = null;
  private until = 0;

  constructor(private readonly categories: CategoriesRepository) {}

  /** The subcategory's flag if it has one, else the category's; null without a (known) category. */
  async firstLevelResolvable(
    category: string | null,
    subcategory: string | null,
    manager?: EntityManager,
  ): Promise<boolean | null> {
    if (!category && !subcategory) return null;
    const flags = await this.load(manager);
    return (subcategory ? flags.get(subcategory) : undefined) ?? (category ? flags.get(category) : undefined) ?? null;
  }

  invalidate(): void {
    this.flags = null;
  }

  private async load(manager?: EntityManager): Promise<Map<string, boolean>> {
    const now = Date.now();
    if (this.flags && this.until > now) return this.flags;
    const rows = await this.categories.allFlags(manager);
    this.flags = new Map(rows.map((r) => [r.code, r.firstLevelResolvable]));
    this.until = now + TTL_MS;
    return this.flags;
  }
}
