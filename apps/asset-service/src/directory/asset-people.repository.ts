import { Injectable } from '@nestjs/common';
import { UserSnapshot } from '@helpdesk/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AssetPersonEntity } from './asset-person.entity';

/** What applying one identity event did to the local copy. */
export type PersonCopyOutcome = 'inserted' | 'updated' | 'stale';

/**
 * The local copy of people (identity.user.*): the newest event wins, an older one never overwrites. A
 * deactivation keeps the time it happened (the leavers report); a reactivation clears it.
 */
@Injectable()
export class AssetPeopleRepository {
  constructor(private readonly dataSource: DataSource) {}

  person(id: string, manager: EntityManager = this.dataSource.manager): Promise<AssetPersonEntity | null> {
    return manager.getRepository(AssetPersonEntity).findOneBy({ id });
  }

  /**
   * Applies a user snapshot as of `at` (the event's time). A person renamed or moved to another department
   * takes their assigned CIs' display copies along (see refreshAssignedCis).
   */
  async apply(manager: EntityManager, user: UserSnapshot, at: Date): Promise<PersonCopyOutcome> {
    const before = await manager
      .getRepository(AssetPersonEntity)
      .findOne({ where: { id: user.id }, lock: { mode: 'pessimistic_write' } });
    if (before && before.updatedAt.getTime() > at.getTime()) return 'stale';
    // Still inactive (a later update of a leaver): the deactivation keeps its first time.
    const deactivatedAt = user.active ? null : before && !before.active && before.deactivatedAt ? before.deactivatedAt : at;
    await manager.query(
      `INSERT INTO asset_person (id, display_name, email, department, roles, active, deactivated_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name, email = EXCLUDED.email,
         department = EXCLUDED.department, roles = EXCLUDED.roles, active = EXCLUDED.active,
         deactivated_at = EXCLUDED.deactivated_at, updated_at = EXCLUDED.updated_at`,
      [user.id, user.displayName, user.email, user.department, user.roles, user.active, deactivatedAt, at],
    );
    await this.refreshAssignedCis(manager, before, user);
    return before ? 'updated' : 'inserted';
  }

  /**
   * CIs keep their assignee's name and department as display copies (lists, reports, CSV). They follow the
   * person with plain SQL: no new CI version, history entry or asset.* event, because the CI itself did not
   * change. The name always follows; the department only where it still is the person's previous one, so a
   * department set on the CI on purpose stays.
   */
  private async refreshAssignedCis(manager: EntityManager, before: AssetPersonEntity | null, user: UserSnapshot): Promise<void> {
    if (!before || before.displayName !== user.displayName) {
      await manager.query(
        `UPDATE asset_ci SET assigned_to_name = $2 WHERE assigned_to_id = $1 AND assigned_to_name IS DISTINCT FROM $2`,
        [user.id, user.displayName],
      );
    }
    if (!before || before.department !== user.department) {
      await manager.query(
        `UPDATE asset_ci SET department = $2
          WHERE assigned_to_id = $1 AND department IS NOT DISTINCT FROM $3 AND department IS DISTINCT FROM $2`,
        [user.id, user.department, before?.department ?? null],
      );
    }
  }
}
