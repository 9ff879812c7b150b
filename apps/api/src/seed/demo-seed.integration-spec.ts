import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { engine, resetDatabase, startTestApp } from '../../test/test-app';
import { DemoSeedService } from './demo-seed.service';

const DEMO_DIR = join(__dirname, '../../../../tools/demo');

describe(`demo seed on ${engine}`, () => {
  let app: NestExpressApplication;
  let dataSource: DataSource;
  const badDir = mkdtempSync(join(tmpdir(), 'demo-'));

  beforeAll(async () => {
    cpSync(DEMO_DIR, badDir, { recursive: true });
    const entities = JSON.parse(readFileSync(join(badDir, 'entities.json'), 'utf8'));
    entities[3].fiscalCode = '12345678901';
    writeFileSync(join(badDir, 'entities.json'), JSON.stringify(entities));
    app = await startTestApp({ DEMO_DATA_DIR: DEMO_DIR });
    dataSource = app.get(DataSource);
    await resetDatabase(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  const snapshot = async () =>
    (await dataSource.query(
      `SELECT fiscal_code, name, category, province, onboarding_stage, created_at, updated_at FROM creditor_entity ORDER BY fiscal_code`,
    )) as unknown[];

  it('loads the roster and is idempotent', async () => {
    expect(await app.get(DemoSeedService).seed()).toEqual({ entities: 47 });
    const first = await snapshot();
    await app.get(DemoSeedService).seed();
    expect(await snapshot()).toEqual(first);
    expect(first).toHaveLength(47);
  });

  it('refuses invalid demo data before writing anything', async () => {
    const other = await startTestApp({ DEMO_DATA_DIR: badDir });
    try {
      await resetDatabase(other);
      await expect(other.get(DemoSeedService).seed()).rejects.toThrow(
        /entities\.json\[3\].*fiscalCode non valido/,
      );
      const rows: unknown[] = await other
        .get(DataSource)
        .query('SELECT 1 FROM creditor_entity UNION ALL SELECT 1 FROM intermediary');
      expect(rows).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
