import { loadSimConfig } from './config';
import { createSimulator } from './server';

function log(msg: string, level = 30): void {
  process.stdout.write(
    `${JSON.stringify({ level, time: new Date().toISOString(), service: 'pagopa-sim', msg })}\n`,
  );
}

function main(): void {
  let config;
  try {
    config = loadSimConfig(process.env);
  } catch (error) {
    process.stderr.write(`Configurazione non valida: ${(error as Error).message}\n`);
    process.exit(1);
  }
  const simulator = createSimulator(config);
  simulator.server.listen(config.port, config.host, () => {
    simulator.start();
    const pending = simulator.receipts
      .all()
      .flatMap((r) => r.deliveries.filter((d) => d.status === 'pending')).length;
    log(
      `Simulatore pronto su http://${config.host}:${config.port} · stazione ${config.stationUrl} · dati in ${config.dataDir}` +
        (pending ? ` · ${pending} ricevute da consegnare riprese dalla coda` : ''),
    );
  });
  const stop = () => {
    simulator.close();
    simulator.server.close(() => process.exit(0));
    simulator.server.closeAllConnections();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main();
