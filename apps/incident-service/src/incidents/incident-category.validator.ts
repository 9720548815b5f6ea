import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CategoriesService } from '../categories/categories.service';
import { IncidentErrorCode, IncidentException } from './incident.exception';

/**
 * An incident's category and subcategory name live categories of GET /categories: the category a top-level
 * code, the subcategory one of its children ("network" and "network.vpn"). Routing, reports and the FLR
 * figure group by these codes, so a typo must be a 400 rather than a new, silent category.
 */
@Injectable()
export class IncidentCategoryValidator {
  constructor(private readonly categories: CategoriesService) {}

  async assertValid(category: string | null, subcategory: string | null, manager?: EntityManager): Promise<void> {
    if (subcategory && !category) throw bad('subcategory', 'needs its category too');
    if (category) {
      const found = await this.categories.findByCode(category, manager);
      if (!found) throw bad('category', `is not a category code (GET /categories): ${category}`);
      if (found.parentId)
        throw bad('category', `${category} is a subcategory: send it as subcategory, with its parent as category`);
      if (!found.active) throw bad('category', `${category} is retired`);
    }
    if (subcategory) {
      const found = await this.categories.findByCode(subcategory, manager);
      if (!found) throw bad('subcategory', `is not a category code (GET /categories): ${subcategory}`);
      if (!subcategory.startsWith(`${category}.`)) throw bad('subcategory', `${subcategory} is not a subcategory of ${category}`);
      if (!found.active) throw bad('subcategory', `${subcategory} is retired`);
    }
  }
}

function bad(field: string, reason: string): IncidentException {
  return IncidentException.badField(IncidentErrorCode.UnknownCategory, field, reason);
}
