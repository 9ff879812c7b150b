import { types as pgTypes } from 'pg';
import { type DataSourceOptions } from 'typeorm';
import { type PGlite } from '@electric-sql/pglite';
import { type AppConfig } from '../config/app-config';
import { embeddedPoolClass } from './embedded-postgres';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/**
 * The same TypeORM options on both engines: PostgreSQL through `pg`, or the embedded PGlite behind a
 * `pg`-compatible pool. Schema changes only through migrations; never `synchronize`.
 */
export function dataSourceOptions(config: AppConfig, embedded: PGlite | null): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    migrationsRun: false,
    installExtensions: false,
    uuidExtension: 'pgcrypto' as const,
    logging: ['error' as const, 'warn' as const],
  };
  if (config.database.engine === 'postgresql') {
    // Dates stay `YYYY-MM-DD` strings, as PGlite is told to return them: no time-zone shifts on due dates.
    pgTypes.setTypeParser(pgTypes.builtins.DATE, (value: string) => value);
    return {
      ...common,
      url: config.database.url,
      poolSize: config.database.poolSize,
      applicationName: 'pagamenti-api',
    };
  }
  if (!embedded) throw new Error('embedded database not opened');
  return { ...common, driver: { Pool: embeddedPoolClass(embedded) } };
}
