import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { type AppConfig, ConfigError, loadConfig } from './config/app-config';
import { createApp } from './bootstrap';
import { buildOpenApiDocument } from './openapi';
import { DemoSeedService } from './seed/demo-seed.service';

const USAGE = `Uso: node main.js [serve|migrate|seed|openapi]
  serve    avvia l'API (predefinito)
  migrate  applica le migrazioni e termina
  seed     carica i dati dimostrativi (idempotente) e termina
  openapi  stampa il documento OpenAPI su stdout`;

async function main(command: string): Promise<void> {
  const config = readConfig();
  switch (command) {
    case 'serve': {
      const app = await createApp(config);
      await app.listen(config.port, config.host);
      const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
      app.get(Logger).log(`API pronta su ${url}/api (documentazione ${url}/api/docs)`);
      return;
    }
    case 'migrate':
    case 'seed': {
      const context = await NestFactory.createApplicationContext(
        AppModule.register({
          ...config,
          migrateOnBoot: true,
          seedDemoData: false,
          jobs: { ...config.jobs, enabled: false },
        }),
        { logger: ['error', 'warn', 'log'] },
      );
      if (command === 'seed') await context.get(DemoSeedService).seed();
      await context.close();
      return;
    }
    case 'openapi': {
      const app = await createApp({
        ...config,
        logLevel: 'silent',
        database: { engine: 'pglite', dataDir: 'memory://' },
        migrateOnBoot: true,
        seedDemoData: false,
        jobs: { ...config.jobs, enabled: false },
      });
      await app.init();
      process.stdout.write(`${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
      await app.close();
      return;
    }
    default:
      process.stderr.write(`${USAGE}\n`);
      process.exit(2);
  }
}

function readConfig(): AppConfig {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

main(process.argv[2] ?? 'serve').catch((error: unknown) => {
  process.stderr.write(`Avvio non riuscito: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
