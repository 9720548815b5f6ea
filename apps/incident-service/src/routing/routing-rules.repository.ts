import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { RoutingRuleHistoryEntity } from './entities/routing-rule-history.entity';
import { RoutingRuleEntity } from './entities/routing-rule.entity';
import { UUID_PATTERN as UUID } from '@helpdesk/contracts';

export interface RoutingRuleFilter {
  active?: boolean;
  after?: { order: number; id: string };
  limit: number;
}

/** The only code that touches routing_rule and routing_rule_history. */
@Injectable()
export class RoutingRulesRepository {
  constructor(private readonly dataSource: DataSource) {}

  private rules(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(RoutingRuleEntity);
  }

  /** The active rules in evaluation order (order, then id). */
  listActive(manager?: EntityManager): Promise<RoutingRuleEntity[]> {
    return this.rules(manager).find({ where: { active: true }, order: { order: 'ASC', id: 'ASC' } });
  }

  /** Sorted by order then id; fetches limit + 1 rows. */
  find(filter: RoutingRuleFilter): Promise<RoutingRuleEntity[]> {
    const qb = this.rules().createQueryBuilder('r');
    if (filter.active !== undefined) qb.andWhere('r.active = :active', { active: filter.active });
    if (filter.after) qb.andWhere('(r.rule_order, r.id) > (:order, :id)', filter.after);
    return qb
      .orderBy('r.rule_order', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(filter.limit + 1)
      .getMany();
  }

  findById(id: string, manager?: EntityManager, lock = false): Promise<RoutingRuleEntity | null> {
    if (!UUID.test(id)) return Promise.resolve(null);
    return this.rules(manager).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  /** The order that puts a new rule after the last one. */
  async nextOrder(manager: EntityManager): Promise<number> {
    const row = await this.rules(manager)
      .createQueryBuilder('r')
      .select('max(r.rule_order)', 'max')
      .getRawOne<{ max: number | null }>();
    return (row?.max ?? 0) + 10;
  }

  async isEmpty(manager: EntityManager): Promise<boolean> {
    return !(await this.rules(manager).exists());
  }

  async insert(rule: RoutingRuleEntity, manager: EntityManager): Promise<void> {
    await this.rules(manager).insert(rule);
  }

  async save(rule: RoutingRuleEntity, manager: EntityManager): Promise<void> {
    await this.rules(manager).save(rule);
  }

  async delete(id: string, manager: EntityManager): Promise<void> {
    await this.rules(manager).delete({ id });
  }

  async addHistory(entry: Omit<RoutingRuleHistoryEntity, 'id'>, manager: EntityManager): Promise<void> {
    // jsonb `changes` holds unknown values, which TypeORM's deep-partial insert type cannot express.
    await manager.getRepository(RoutingRuleHistoryEntity).insert(entry as QueryDeepPartialEntity<RoutingRuleHistoryEntity>);
  }

  /** Newest first; fetches limit + 1 rows. Works for deleted rules too. */
  history(ruleId: string, limit: number, beforeId?: string): Promise<RoutingRuleHistoryEntity[]> {
    const qb = this.dataSource
      .getRepository(RoutingRuleHistoryEntity)
      .createQueryBuilder('h')
      .where('h.rule_id = :ruleId', { ruleId });
    if (beforeId !== undefined) qb.andWhere('h.id < :beforeId', { beforeId });
    return qb
      .orderBy('h.id', 'DESC')
      .limit(limit + 1)
      .getMany();
  }
}
