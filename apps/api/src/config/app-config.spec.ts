import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('defaults to an embedded PGlite database under ./data', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config.database).toEqual({ engine: 'pglite', dataDir: '/srv/app/data/pglite' });
    expect(config.port).toBe(3000);
    expect(config.environment).toBe('development');
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@localhost:5432/db', DB_POOL_SIZE: '4' });
    expect(config.database).toEqual({
      engine: 'postgresql',
      url: 'postgres://u:p@localhost:5432/db',
      poolSize: 4,
    });
  });

  it('keeps an in-memory PGlite as it is', () => {
    expect(loadConfig({ PGLITE_DIR: 'memory://' }).database).toEqual({
      engine: 'pglite',
      dataDir: 'memory://',
    });
  });

  it('names every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'abc',
        NODE_ENV: 'staging',
        DATABASE_URL: 'mysql://x',
        MIGRATE_ON_BOOT: 'maybe',
        INTERMEDIARY_FISCAL_CODE: '80003170662',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toContain('PORT');
    expect(problems).toContain('NODE_ENV');
    expect(problems).toContain('DATABASE_URL');
    expect(problems).toContain('MIGRATE_ON_BOOT');
    expect(problems).toContain('INTERMEDIARY_FISCAL_CODE');
    expect((error as ConfigError).problems).toHaveLength(5);
  });
});
