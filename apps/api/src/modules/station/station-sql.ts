import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';

interface PgPool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

interface EmbeddedPool {
  query(text: string, values: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * The station's hot-path queries, sent straight to the driver's pool (no TypeORM query runner per call) and, on
 * PostgreSQL, as named prepared statements (parsed and planned once per connection). The embedded PGlite pool takes
 * plain text. Transactions (receipts) still go through TypeORM.
 */
@Injectable()
export class StationSql {
  private readonly prepared: boolean;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.prepared = config.database.engine === 'postgresql';
  }

  async query<T>(name: string, text: string, values: unknown[]): Promise<T[]> {
    const pool = (this.dataSource.driver as unknown as { master: PgPool & EmbeddedPool }).master;
    const result = this.prepared ? await pool.query({ name, text, values }) : await pool.query(text, values);
    return result.rows as T[];
  }
}
