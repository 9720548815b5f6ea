import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { RefreshTokenEntity } from './entities/refresh-token.entity';

/** The only code that touches refresh_tokens. */
@Injectable()
export class RefreshTokensRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(RefreshTokenEntity);
  }

  async insert(token: RefreshTokenEntity, manager: EntityManager): Promise<void> {
    await this.repo(manager).insert(token);
  }

  /** Locks the row, so two refreshes with one token cannot both rotate it. */
  findByHashForUpdate(tokenHash: string, manager: EntityManager): Promise<RefreshTokenEntity | null> {
    return this.repo(manager).findOne({ where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  findByHash(tokenHash: string, manager?: EntityManager): Promise<RefreshTokenEntity | null> {
    return this.repo(manager).findOne({ where: { tokenHash } });
  }

  async markUsed(id: string, replacedById: string, at: Date, manager: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, { usedAt: at, replacedById });
  }

  /** Revokes every live token of a family; returns how many. */
  async revokeFamily(familyId: string, reason: string, manager: EntityManager): Promise<number> {
    const result = await this.repo(manager).update(
      { familyId, revokedAt: IsNull() },
      { revokedAt: new Date(), revokedReason: reason },
    );
    return result.affected ?? 0;
  }

  /** Revokes every live token of a user (deactivation, password change); returns how many. */
  async revokeAllOfUser(userId: string, reason: string, manager: EntityManager): Promise<number> {
    const result = await this.repo(manager).update(
      { userId, revokedAt: IsNull() },
      { revokedAt: new Date(), revokedReason: reason },
    );
    return result.affected ?? 0;
  }

  /** Removes tokens that expired long ago (housekeeping). */
  async deleteExpiredBefore(cutoff: Date): Promise<number> {
    const result = await this.repo().createQueryBuilder().delete().where('expires_at < :cutoff', { cutoff }).execute();
    return result.affected ?? 0;
  }
}
