import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { testConfig } from '../../test/test-app';
import { MIGRATIONS } from './migrations';
import { diffEntitiesAgainstMigrations } from './schema-diff';

describe('schema', () => {
  it('has migrations that produce exactly what the entities describe', async () => {
    const diff = await diffEntitiesAgainstMigrations(testConfig());
    // When this fails: npm run db:migration:generate -- DescribeTheChange
    expect(diff.up).toEqual([]);
  });

  it('registers every migration file, in timestamp order', () => {
    const files = readdirSync(join(__dirname, 'migrations'))
      .filter((file) => /^\d+-\w+\.ts$/.test(file))
      .map((file) => file.replace(/^(\d+)-(\w+)\.ts$/, '$2$1'))
      .sort((a, b) => Number(a.replace(/\D/g, '')) - Number(b.replace(/\D/g, '')));
    expect(MIGRATIONS.map((migration) => migration.name)).toEqual(files);
  });
});
