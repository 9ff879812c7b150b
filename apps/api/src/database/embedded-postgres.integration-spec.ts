import { DataSource } from 'typeorm';
import { testConfig } from '../../test/test-app';
import { dataSourceOptions } from './data-source-options';
import { openEmbeddedPostgres } from './embedded-postgres';

/** PGlite is one connection: the pool must keep transactions from interleaving, as a real pool would. */
describe('embedded PostgreSQL pool', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    const config = testConfig({ DATABASE_URL: '' });
    dataSource = new DataSource(dataSourceOptions(config, await openEmbeddedPostgres('memory://')));
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE counter (id int PRIMARY KEY, value int NOT NULL)');
    await dataSource.query('INSERT INTO counter VALUES (1, 0)');
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('keeps a rolled-back transaction invisible to queries issued while it was open', async () => {
    const seenDuring: number[] = [];
    let outsideRead!: Promise<void>;
    await dataSource
      .transaction(async (manager) => {
        await manager.query('UPDATE counter SET value = 99 WHERE id = 1');
        outsideRead = dataSource
          .query('SELECT value FROM counter WHERE id = 1')
          .then((rows: { value: number }[]) => {
            seenDuring.push(rows[0]!.value);
          });
        await new Promise((resolve) => setTimeout(resolve, 50));
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await outsideRead;
    expect(seenDuring).toEqual([0]);
  });

  it('serializes concurrent read-modify-write transactions without lost updates', async () => {
    await Promise.all(
      Array.from({ length: 20 }, () =>
        dataSource.transaction(async (manager) => {
          const [row] = (await manager.query('SELECT value FROM counter WHERE id = 1')) as {
            value: number;
          }[];
          await new Promise((resolve) => setImmediate(resolve));
          await manager.query('UPDATE counter SET value = $1 WHERE id = 1', [row!.value + 1]);
        }),
      ),
    );
    const [row] = (await dataSource.query('SELECT value FROM counter WHERE id = 1')) as { value: number }[];
    expect(row!.value).toBe(20);
  });

  it('returns values shaped as node-postgres does', async () => {
    const [row] = (await dataSource.query(
      `SELECT 9007199254740993::int8 AS big, 12.50::numeric AS amount, DATE '2026-03-31' AS due, 7::int4 AS small`,
    )) as Record<string, unknown>[];
    expect(row).toEqual({ big: '9007199254740993', amount: '12.50', due: '2026-03-31', small: 7 });
  });

  it('reports affected rows of updates', async () => {
    const result = await dataSource
      .createQueryBuilder()
      .update('counter')
      .set({ value: 5 })
      .where('id = 1')
      .execute();
    expect(result.affected).toBe(1);
  });
});
