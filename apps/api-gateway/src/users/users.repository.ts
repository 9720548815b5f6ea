import { Injectable } from '@nestjs/common';
import { Role, UUID_PATTERN as UUID } from '@helpdesk/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { UserEntity } from './entities/user.entity';

export interface UserFilter {
  role?: Role;
  department?: string;
  active?: boolean;
  groupId?: string;
  /** Part of a name (spaces ignored) or e-mail, case-insensitive. */
  q?: string;
  /** Keyset: rows after this (displayName, id). */
  after?: { displayName: string; id: string };
  limit: number;
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Escapes LIKE wildcards so a search for "50%" means the text 50%. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Removes spaces (ASCII and the full-width 　) so 山田太郎 finds 山田 太郎. */
export function compactSearchText(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u3000]+/g, '');
}

/** The only code that touches the users table. */
@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(UserEntity);
  }

  async findById(id: string, manager?: EntityManager, lock = false): Promise<UserEntity | null> {
    if (!isUuid(id)) return null;
    return this.repo(manager).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  /** Case-insensitive, as the unique index is. */
  findByEmail(email: string, manager?: EntityManager): Promise<UserEntity | null> {
    return this.repo(manager).createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getOne();
  }

  async existingIds(ids: string[], manager?: EntityManager, activeOnly = false): Promise<Set<string>> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return new Set();
    const qb = this.repo(manager).createQueryBuilder('u').select('u.id', 'id').where('u.id IN (:...ids)', { ids: valid });
    if (activeOnly) qb.andWhere('u.active = true');
    const rows = await qb.getRawMany<{ id: string }>();
    return new Set(rows.map((r) => r.id));
  }

  async insert(user: UserEntity, manager: EntityManager): Promise<void> {
    await this.repo(manager).insert(user);
  }

  async save(user: UserEntity, manager: EntityManager): Promise<UserEntity> {
    return this.repo(manager).save(user);
  }

  /** Sorted by display name then id; fetches limit + 1 rows. */
  find(filter: UserFilter): Promise<UserEntity[]> {
    const qb = this.repo().createQueryBuilder('u');
    if (filter.role) qb.andWhere(':role = ANY(u.roles)', { role: filter.role });
    if (filter.department) qb.andWhere('u.department = :department', { department: filter.department });
    if (filter.active !== undefined) qb.andWhere('u.active = :active', { active: filter.active });
    if (filter.groupId) {
      qb.andWhere('EXISTS (SELECT 1 FROM group_members gm WHERE gm.user_id = u.id AND gm.group_id = :groupId)', {
        groupId: filter.groupId,
      });
    }
    if (filter.q) {
      const compact = likePattern(compactSearchText(filter.q));
      qb.andWhere(
        `(regexp_replace(normalize(u.display_name || ' ' || coalesce(u.display_name_ja, '') || ' ' || coalesce(u.display_name_en, ''), NFKC), '[[:space:]　]+', '', 'g') ILIKE :compact
          OR u.email ILIKE :plain)`,
        { compact, plain: likePattern(filter.q.trim()) },
      );
    }
    if (filter.after) {
      qb.andWhere('(u.display_name, u.id) > (:afterName, :afterId)', {
        afterName: filter.after.displayName,
        afterId: filter.after.id,
      });
    }
    return qb
      .orderBy('u.display_name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .limit(filter.limit + 1)
      .getMany();
  }
}
