import { DataSource } from 'typeorm';
import { type AppConfig, loadConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { openEmbeddedPostgres } from './embedded-postgres';

export interface SchemaDiff {
  up: string[];
  down: string[];
}

/**
 * Applies every migration to the given database (by default a throwaway in-memory one), then asks TypeORM what SQL would still be
 * needed to match the entities. Empty when entities and migrations agree.
 */
export async function diffEntitiesAgainstMigrations(
  config: AppConfig = loadConfig({ PGLITE_DIR: 'memory://' }),
): Promise<SchemaDiff> {
  const embedded =
    config.database.engine === 'pglite' ? await openEmbeddedPostgres(config.database.dataDir) : null;
  const dataSource = new DataSource(dataSourceOptions(config, embedded));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return {
      up: sql.upQueries.map((query) => query.query),
      down: sql.downQueries.map((query) => query.query).reverse(),
    };
  } finally {
    await dataSource.destroy();
  }
}
