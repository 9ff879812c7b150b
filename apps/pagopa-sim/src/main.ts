import { loadSimConfig } from './config';
import { createSimServer } from './server';

function main(): void {
  let config;
  try {
    config = loadSimConfig(process.env);
  } catch (error) {
    process.stderr.write(`Configurazione non valida: ${(error as Error).message}\n`);
    process.exit(1);
  }
  const server = createSimServer(config);
  server.listen(config.port, config.host, () => {
    process.stdout.write(
      `${JSON.stringify({ level: 30, time: new Date().toISOString(), service: 'pagopa-sim', msg: `Simulatore pronto su http://${config.host}:${config.port}` })}\n`,
    );
  });
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main();
