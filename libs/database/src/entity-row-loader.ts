import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Loads one entity by a column with plain SQL built once from TypeORM's metadata, and hydrates it the
 * way TypeORM does (the driver's per-column conversion, transformers). For hot single-row reads: the
 * query builder costs more CPU per call than the query itself.
 */
export class EntityRowLoader<T extends ObjectLiteral> {
  private readonly sqlByColumn = new Map<string, string>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly target: EntityTarget<T>,
  ) {}

  /** The row whose `propertyName` column equals `value`, or null. */
  async findOneBy(propertyName: keyof T & string, value: unknown, manager?: EntityManager): Promise<T | null> {
    const rows: Record<string, unknown>[] = await (manager ?? this.dataSource.manager).query(this.sql(propertyName), [value]);
    return rows.length ? this.hydrate(rows[0]) : null;
  }

  private sql(propertyName: string): string {
    let sql = this.sqlByColumn.get(propertyName);
    if (sql) return sql;
    const meta = this.dataSource.getMetadata(this.target);
    const where = meta.findColumnWithPropertyName(propertyName);
    if (!where) throw new Error(`${meta.name} has no column ${propertyName}`);
    const columns = meta.columns.map((c) => `"${c.databaseName}"`).join(', ');
    sql = `SELECT ${columns} FROM "${meta.tableName}" WHERE "${where.databaseName}" = $1 LIMIT 1`;
    this.sqlByColumn.set(propertyName, sql);
    return sql;
  }

  private hydrate(row: Record<string, unknown>): T {
    const meta = this.dataSource.getMetadata(this.target);
    const entity = meta.create() as T;
    for (const column of meta.columns) {
      column.setEntityValue(entity, this.dataSource.driver.prepareHydratedValue(row[column.databaseName], column));
    }
    return entity;
  }
}
