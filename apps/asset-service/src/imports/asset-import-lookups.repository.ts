import { Injectable } from '@nestjs/common';
import { CiType } from '@helpdesk/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AttributesRepository } from '../attributes/attributes.repository';
import { ImportCiRef, ImportLookups, ImportPerson, serialKey } from './asset-import-rows';

/** The references of one file, collected from its cells before they are checked. */
export interface ImportReferences {
  /** CI references of `licence` cells: UUIDs lower-case, numbers upper-case. */
  ciRefs: Set<string>;
  /** `assignedTo` cells: UUIDs lower-case… */
  personIds: Set<string>;
  /** …and e-mail addresses lower-case. */
  emails: Set<string>;
  assetTags: Set<string>;
  serials: Set<string>;
}

/** Reads, in one query each, what a file's rows are checked against (see ImportLookups). */
@Injectable()
export class AssetImportLookupsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly attributes: AttributesRepository,
  ) {}

  async load(refs: ImportReferences, manager: EntityManager = this.dataSource.manager): Promise<ImportLookups> {
    // One after the other: inside a transaction they share its one connection.
    const definitions = await this.attributes.all(manager);
    const cis = await this.cis(manager, refs.ciRefs);
    const people = await this.people(manager, refs.personIds, refs.emails);
    const tags = await this.assetTags(manager, refs.assetTags);
    const serials = await this.serials(manager, refs.serials);
    return { definitions, cis, people, assetTags: tags, serials };
  }

  /** Every custom attribute key of any type: what `attr.<key>` columns may name. */
  async attributeKeys(manager: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    return new Set((await this.attributes.all(manager)).map((d) => d.key));
  }

  private async cis(manager: EntityManager, refs: Set<string>): Promise<Map<string, ImportCiRef>> {
    const out = new Map<string, ImportCiRef>();
    if (refs.size === 0) return out;
    const all = [...refs];
    const rows: Array<{ id: string; number: string; type: CiType }> = await manager.query(
      `SELECT id, number, type FROM asset_ci WHERE id = ANY($1::uuid[]) OR number = ANY($2::text[])`,
      [all.filter((r) => !r.startsWith('CI-')), all.filter((r) => r.startsWith('CI-'))],
    );
    for (const row of rows) {
      out.set(row.id, row);
      out.set(row.number, row);
    }
    return out;
  }

  private async people(manager: EntityManager, ids: Set<string>, emails: Set<string>): Promise<ImportPerson[]> {
    if (ids.size === 0 && emails.size === 0) return [];
    return manager.query(
      `SELECT id, display_name AS "displayName", email, department, active FROM asset_person
        WHERE id = ANY($1::uuid[]) OR lower(email) = ANY($2::text[])`,
      [[...ids], [...emails]],
    );
  }

  private async assetTags(manager: EntityManager, tags: Set<string>): Promise<Map<string, string>> {
    if (tags.size === 0) return new Map();
    const rows: Array<{ assetTag: string; number: string }> = await manager.query(
      `SELECT asset_tag AS "assetTag", number FROM asset_ci WHERE asset_tag = ANY($1::text[])`,
      [[...tags]],
    );
    return new Map(rows.map((r) => [r.assetTag, r.number]));
  }

  private async serials(manager: EntityManager, serials: Set<string>): Promise<Map<string, string>> {
    if (serials.size === 0) return new Map();
    const rows: Array<{ manufacturer: string | null; serialNumber: string; number: string }> = await manager.query(
      `SELECT manufacturer, serial_number AS "serialNumber", number FROM asset_ci WHERE serial_number = ANY($1::text[])`,
      [[...serials]],
    );
    return new Map(rows.map((r) => [serialKey(r.manufacturer, r.serialNumber), r.number]));
  }
}
