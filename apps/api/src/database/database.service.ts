import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type DatabaseHealth } from '@pagamenti/contracts';
import { type AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

@Injectable()
export class DatabaseService implements OnModuleInit {
  private readonly logger = new Logger(DatabaseService.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Runs before any module's bootstrap hook: migrates when told to, and otherwise refuses to serve a schema
   * older than the code (in production the release step runs `main.js migrate` before the replicas start).
   */
  async onModuleInit(): Promise<void> {
    if (this.config.migrateOnBoot) {
      await this.migrate();
      return;
    }
    const pending = await this.pendingMigrations();
    if (pending.length > 0) {
      throw new Error(
        `Il database non è aggiornato: ${pending.length} migrazioni da applicare (${pending.join(', ')}). ` +
          'Esegui `node dist/apps/api/main.js migrate` oppure avvia con MIGRATE_ON_BOOT=true.',
      );
    }
  }

  /** Applies pending migrations, each in its own transaction; returns the names applied. */
  async migrate(): Promise<string[]> {
    const applied = await this.dataSource.runMigrations({ transaction: 'each' });
    for (const migration of applied) this.logger.log(`Migration applied: ${migration.name}`);
    return applied.map((migration) => migration.name);
  }

  async pendingMigrations(): Promise<string[]> {
    const known = this.dataSource.migrations.map((migration) => migration.name ?? migration.constructor.name);
    const table = this.dataSource.options.migrationsTableName ?? 'migrations';
    const exists: { present: boolean }[] = await this.dataSource.query(
      `SELECT to_regclass($1) IS NOT NULL AS present`,
      [table],
    );
    if (!exists[0]?.present) return known;
    const rows: { name: string }[] = await this.dataSource.query(`SELECT name FROM "${table}"`);
    const done = new Set(rows.map((row) => row.name));
    return known.filter((name) => !done.has(name));
  }

  async health(): Promise<DatabaseHealth> {
    const engine = this.config.database.engine;
    try {
      const started = performance.now();
      const rows: { version: string }[] = await this.dataSource.query(
        'SELECT current_setting($1) AS version',
        ['server_version'],
      );
      const latencyMs = Math.round((performance.now() - started) * 100) / 100;
      return {
        status: 'up',
        engine,
        latencyMs,
        serverVersion: rows[0]?.version ?? null,
        pendingMigrations: await this.pendingMigrations(),
      };
    } catch (error) {
      this.logger.warn({ err: error }, 'Database health check failed');
      return { status: 'down', engine, latencyMs: null, serverVersion: null, pendingMigrations: [] };
    }
  }
}
