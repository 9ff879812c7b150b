import { type PaymentOutcome } from '../node/payment-service';
import { CliUsageError, parseCliArgs, USAGE } from './cli-args';

/**
 * `npm run sim -- …`: a thin client of the running simulator (it owns the receipt queue, the flows and the bank),
 * so the CLI, the web page and the HTTP endpoint all act on the same state.
 */
const out = (line = '') => process.stdout.write(`${line}\n`);
const euro = (cents: number) => `€ ${(cents / 100).toFixed(2).replace('.', ',')}`;

function printPayment(outcome: PaymentOutcome): void {
  out(
    `${outcome.outcome === 'OK' ? '✔ Pagamento eseguito' : '✖ Pagamento non eseguito'} — avviso ${outcome.noticeNumber}, ente ${outcome.fiscalCode ?? '?'}, PSP ${outcome.psp.idPSP}`,
  );
  if (outcome.fault)
    out(
      `  ${outcome.fault.faultCode}: ${outcome.fault.faultString}` +
        (outcome.fault.originalFaultCode ? ` (stazione: ${outcome.fault.originalFaultCode})` : '') +
        (outcome.fault.description ? ` — ${outcome.fault.description}` : ''),
    );
  for (const step of outcome.steps)
    out(
      `  ${step.operation.padEnd(22)} ${step.stationCode ?? ''} ${step.outcome}${step.faultCode ? ` ${step.faultCode}` : ''} ${step.latencyMs} ms${step.withinSla ? '' : ' (oltre lo SLA di 2 s)'}`,
    );
  if (outcome.receipt) {
    const r = outcome.receipt;
    out(
      `  ricevuta ${r.receiptId} · IUV ${r.creditorReferenceId} · ${euro(r.paymentAmountCents)} + commissione ${euro(r.feeCents)}${r.standIn ? ' · Stand-In' : ''}`,
    );
    for (const d of r.deliveries)
      out(
        `  consegna a ${d.stationCode} (idPA ${d.idPA}): ${d.status}${d.lastFaultCode ? ` ${d.lastFaultCode}` : ''}${d.status === 'pending' && d.nextAttemptAt ? `, prossimo invio ${d.nextAttemptAt}` : ''}`,
      );
  }
  for (const duplicate of outcome.duplicates ?? [])
    out(
      `  reinvio: ${duplicate.outcome}${duplicate.faultCode ? ` ${duplicate.faultCode}` : ''} ${duplicate.latencyMs} ms`,
    );
  if (outcome.concurrentActivations) {
    const c = outcome.concurrentActivations;
    out(
      `  attivazioni concorrenti: ${c.ok}/${c.requested} OK, latenza min ${c.latencyMs.min} / mediana ${c.latencyMs.median} / max ${c.latencyMs.max} ms`,
    );
    for (const [code, count] of Object.entries(c.faults)) out(`    ${code}: ${count}`);
  }
  for (const warning of outcome.warnings) out(`  nota: ${warning}`);
  out(
    `  latenza della stazione: media ${outcome.stationLatency.averageMs} ms, massima ${outcome.stationLatency.maxMs} ms su ${outcome.stationLatency.calls} chiamate`,
  );
}

async function main(): Promise<number> {
  let command;
  try {
    command = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (command.kind === 'help') {
    out(USAGE);
    return 0;
  }
  const simUrl = (process.env['SIM_URL'] ?? `http://localhost:${process.env['SIM_PORT'] ?? 3100}`).replace(
    /\/+$/,
    '',
  );
  const call = async (path: string, init?: RequestInit): Promise<{ status: number; body: unknown }> => {
    try {
      const response = await fetch(`${simUrl}${path}`, init);
      return { status: response.status, body: await response.json() };
    } catch (error) {
      throw new Error(
        `simulatore non raggiungibile su ${simUrl} (avvialo con npm start): ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
  };
  switch (command.kind) {
    case 'pay': {
      const { status, body } = await call('/psp/payments', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(command.body),
      });
      if (status === 400) throw new Error((body as { error: string }).error);
      if (command.json) out(JSON.stringify(body, null, 2));
      else printPayment(body as PaymentOutcome);
      return (body as PaymentOutcome).outcome === 'OK' ? 0 : 1;
    }
    case 'settle': {
      const { body } = await call(`/reporting/settle${command.date ? `?date=${command.date}` : ''}`, {
        method: 'POST',
      });
      const flows = (
        body as {
          flows: { flowId: string; receiverFiscalCode: string; payments: number; totalCents: number }[];
        }
      ).flows;
      if (command.json) out(JSON.stringify(body, null, 2));
      else if (flows.length === 0) out('Nessun pagamento da rendicontare.');
      else
        for (const f of flows)
          out(`${f.flowId}  ente ${f.receiverFiscalCode}  ${f.payments} pagamenti  ${euro(f.totalCents)}`);
      return 0;
    }
    case 'flows': {
      const { body } = await call(
        `/reporting/flows${command.fiscalCode ? `?fiscalCode=${command.fiscalCode}` : ''}`,
      );
      const flows = body as {
        flowId: string;
        receiverFiscalCode: string;
        settlementDate: string;
        payments: number;
        totalCents: number;
      }[];
      if (command.json) out(JSON.stringify(body, null, 2));
      else
        for (const f of flows)
          out(
            `${f.flowId}  ente ${f.receiverFiscalCode}  regolato ${f.settlementDate}  ${f.payments} pagamenti  ${euro(f.totalCents)}`,
          );
      return 0;
    }
    case 'receipts': {
      const { body } = await call('/psp/receipts');
      const receipts = body as {
        receiptId: string;
        noticeNumber: string;
        fiscalCode: string;
        paymentAmountCents: number;
        deliveries: { stationCode: string; status: string }[];
      }[];
      if (command.json) out(JSON.stringify(body, null, 2));
      else
        for (const r of receipts)
          out(
            `${r.receiptId}  avviso ${r.noticeNumber}  ente ${r.fiscalCode}  ${euro(r.paymentAmountCents)}  ${r.deliveries.map((d) => `${d.stationCode}: ${d.status}`).join(', ')}`,
          );
      return 0;
    }
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`✖ ${(error as Error).message}\n`);
    process.exit(1);
  },
);
