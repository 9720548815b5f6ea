import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * One entity's row by a column, or a new row, with plain SQL built once from TypeORM's metadata and
 * values converted the way TypeORM converts them (the driver's per-column preparation, transformers).
 * For hot paths: the query builder costs more CPU per call than the query itself.
 */
export class EntityRows<T extends ObjectLiteral> {
  private readonly sqlByColumn = new Map<string, string>();
  private readonly insertSql = new Map<string, string>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly target: EntityTarget<T>,
  ) {}

  /** The row whose `propertyName` column equals `value`, or null. */
  async findOneBy(propertyName: keyof T & string, value: unknown, manager?: EntityManager): Promise<T | null> {
    const rows: Record<string, unknown>[] = await (manager ?? this.dataSource.manager).query(this.sql(propertyName), [value]);
    return rows.length ? this.hydrate(rows[0]) : null;
  }

  /**
   * Inserts the entity: every column it has a value for (generated and defaulted columns left out when
   * undefined, so the database fills them). Nothing is read back.
   */
  async insert(entity: T, manager: EntityManager): Promise<void> {
    const meta = this.dataSource.getMetadata(this.target);
    const columns = meta.columns.filter((c) => c.getEntityValue(entity) !== undefined);
    const key = columns.map((c) => c.databaseName).join(',');
    let sql = this.insertSql.get(key);
    if (!sql) {
      const names = columns.map((c) => `"${c.databaseName}"`).join(', ');
      const params = columns.map((_, i) => `$${i + 1}`).join(', ');
      sql = `INSERT INTO "${meta.tableName}" (${names}) VALUES (${params})`;
      this.insertSql.set(key, sql);
    }
    const driver = this.dataSource.driver;
    await manager.query(
      sql,
      columns.map((c) => driver.preparePersistentValue(c.getEntityValue(entity), c)),
    );
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
