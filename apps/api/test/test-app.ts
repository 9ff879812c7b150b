import { type NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { createApp } from '../src/bootstrap';
import { type AppConfig, loadConfig } from '../src/config/app-config';

/**
 * The configuration integration tests run with: the PostgreSQL of DATABASE_URL when set (a throwaway database
 * created by `npm test` / `.ci/run`), otherwise an in-memory PGlite. Migrations on boot, jobs driven by hand.
 */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PGLITE_DIR: 'memory://',
    DATABASE_URL: process.env['DATABASE_URL'],
    MIGRATE_ON_BOOT: 'true',
    JOBS_ENABLED: 'false',
    SPA_ROOT: '/nonexistent',
    ...overrides,
  });
}

export async function startTestApp(overrides: Record<string, string> = {}): Promise<NestExpressApplication> {
  const app = await createApp(testConfig(overrides));
  await app.init();
  return app;
}

/** Empties every table but the migrations log, so each suite starts from the same state on either engine. */
export async function resetDatabase(app: NestExpressApplication): Promise<void> {
  const dataSource = app.get(DataSource);
  const tables = dataSource.entityMetadatas.map((metadata) => `"${metadata.tableName}"`).join(', ');
  await dataSource.query(`TRUNCATE ${tables} RESTART IDENTITY CASCADE`);
}

export const engine = process.env['DATABASE_URL'] ? 'postgresql' : 'pglite';
