import { Injectable } from '@nestjs/common';
import { GroupSnapshot, UserSnapshot } from '@helpdesk/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { ProblemGroupEntity } from './entities/problem-group.entity';
import { ProblemPersonEntity } from './entities/problem-person.entity';

/** The local copy of people and groups (identity.*): newest event wins, an older one never overwrites. */
@Injectable()
export class ProblemDirectoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async upsertPerson(manager: EntityManager, user: UserSnapshot, at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO problem_person (id, display_name, roles, active, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name, roles = EXCLUDED.roles,
         active = EXCLUDED.active, updated_at = EXCLUDED.updated_at
       WHERE problem_person.updated_at <= EXCLUDED.updated_at`,
      [user.id, user.displayName, user.roles, user.active, at],
    );
  }

  async upsertGroup(manager: EntityManager, group: GroupSnapshot, at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO problem_group (id, name, active, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, active = EXCLUDED.active, updated_at = EXCLUDED.updated_at
       WHERE problem_group.updated_at <= EXCLUDED.updated_at`,
      [group.id, group.name, group.active, at],
    );
  }

  person(id: string, manager: EntityManager = this.dataSource.manager): Promise<ProblemPersonEntity | null> {
    return manager.getRepository(ProblemPersonEntity).findOneBy({ id });
  }

  group(id: string, manager: EntityManager = this.dataSource.manager): Promise<ProblemGroupEntity | null> {
    return manager.getRepository(ProblemGroupEntity).findOneBy({ id });
  }
}
