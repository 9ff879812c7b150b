/**
 * Writes a migration with the SQL that brings the schema from the current migrations to the current entities.
 * Usage: npm run db:migration:generate -- AddDebtPositions
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffEntitiesAgainstMigrations } from './schema-diff';

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    console.error('Uso: npm run db:migration:generate -- NomeInPascalCase');
    process.exit(2);
  }
  const diff = await diffEntitiesAgainstMigrations();
  if (diff.up.length === 0) {
    console.log('Nessuna differenza tra entità e migrazioni: nessun file scritto.');
    return;
  }
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const quote = (sql: string) => `    await queryRunner.query(${JSON.stringify(sql)});`;
  const body = `import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${diff.up.map(quote).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${diff.down.map(quote).join('\n')}
  }
}
`;
  const file = join(__dirname, 'migrations', `${timestamp}-${name}.ts`);
  writeFileSync(file, body);
  console.log(`Scritto ${file}: aggiungi ${className} a MIGRATIONS in migrations/index.ts.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
