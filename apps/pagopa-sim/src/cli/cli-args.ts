/** The simulator's command line, parsed into what to ask the running simulator over HTTP. */
export type CliCommand =
  | { kind: 'pay'; body: Record<string, unknown>; json: boolean }
  | { kind: 'settle'; date: string | null; json: boolean }
  | { kind: 'flows'; fiscalCode: string | null; json: boolean }
  | { kind: 'receipts'; json: boolean }
  | { kind: 'help' };

export class CliUsageError extends Error {}

export const USAGE = `Uso: npm run sim -- <comando> [opzioni]

  pay <codice avviso>        paga un avviso presso un PSP simulato (verifica, attivazione, ricevuta)
      --entity <CF ente>     codice fiscale dell'ente (se omesso è ricavato dal codice avviso)
      --psp <idPSP>          PSP (BDMOITM1XXX, PDMOITR1XXX, PAYDITM1XXX, RDMOITM1XXX)
      --payer <CF> [--payer-name <nome>] [--payer-email <e-mail>]
      --amount <euro>        importo per Stand-In, avviso sconosciuto, ente esterno (es. 12.50)
      --note <testo>         paymentNote dell'attivazione
      --secondary            l'ente è solo beneficiario secondario di un avviso di un ente esterno
      --fault slow-station=<ms>            timeout del nodo verso la stazione
      --fault duplicate-receipt[=<n>]      reinvia la ricevuta n volte (predefinito 1)
      --fault late-receipt=<secondi>       consegna la ricevuta in ritardo
      --fault stand-in                     pagamento in Stand-In (standIn=true)
      --fault unknown-notice               ricevuta per un avviso che la stazione non conosce
      --fault concurrent-activations=<n>   n attivazioni contemporanee
  settle [--date AAAA-MM-GG]  crea ora i flussi di rendicontazione e gli accrediti in tesoreria
  flows [--entity <CF ente>]  elenca i flussi di rendicontazione
  receipts                    elenca le ricevute e lo stato delle consegne
  --json                      stampa la risposta JSON del simulatore

Il simulatore deve essere avviato (npm start); indirizzo: SIM_URL (predefinito http://localhost:3100).`;

function euroToCents(value: string): number {
  if (!/^\d+([.,]\d{1,2})?$/.test(value))
    throw new CliUsageError(`--amount: importo in euro non valido (${value})`);
  const [units = '0', decimals = ''] = value.replace(',', '.').split('.');
  return Number(units) * 100 + Number(decimals.padEnd(2, '0'));
}

function positiveInteger(name: string, value: string | undefined): number {
  const parsed = Number(value);
  if (!value || !Number.isSafeInteger(parsed) || parsed < 1)
    throw new CliUsageError(`${name}: serve un intero positivo`);
  return parsed;
}

function applyFault(faults: Record<string, unknown>, spec: string): void {
  const [name, value] = spec.split('=', 2);
  switch (name) {
    case 'slow-station':
      faults['slowStationMs'] = positiveInteger('slow-station', value);
      return;
    case 'duplicate-receipt':
      faults['duplicateReceipts'] = value === undefined ? 1 : positiveInteger('duplicate-receipt', value);
      return;
    case 'late-receipt':
      faults['lateReceiptSeconds'] = positiveInteger('late-receipt', value);
      return;
    case 'stand-in':
      faults['standIn'] = true;
      return;
    case 'unknown-notice':
      faults['unknownNotice'] = true;
      return;
    case 'concurrent-activations':
      faults['concurrentActivations'] = positiveInteger('concurrent-activations', value);
      return;
    default:
      throw new CliUsageError(`guasto sconosciuto: ${spec}`);
  }
}

export function parseCliArgs(argv: readonly string[]): CliCommand {
  const args = [...argv];
  const command = args.shift();
  const json = args.includes('--json');
  const rest = args.filter((a) => a !== '--json');
  const take = (i: number, flag: string): string => {
    const value = rest[i + 1];
    if (value === undefined || value.startsWith('--')) throw new CliUsageError(`${flag}: valore mancante`);
    return value;
  };
  switch (command) {
    case 'pay': {
      const body: Record<string, unknown> = {};
      const faults: Record<string, unknown> = {};
      const payer: Record<string, string> = {};
      for (let i = 0; i < rest.length; i++) {
        const arg = rest[i] ?? '';
        switch (arg) {
          case '--entity':
            body['fiscalCode'] = take(i++, arg);
            break;
          case '--psp':
            body['psp'] = take(i++, arg);
            break;
          case '--amount':
            body['amountCents'] = euroToCents(take(i++, arg));
            break;
          case '--note':
            body['paymentNote'] = take(i++, arg);
            break;
          case '--payer':
            payer['fiscalCode'] = take(i++, arg);
            break;
          case '--payer-name':
            payer['fullName'] = take(i++, arg);
            break;
          case '--payer-email':
            payer['email'] = take(i++, arg);
            break;
          case '--secondary':
            body['asSecondaryCreditor'] = true;
            break;
          case '--fault':
            applyFault(faults, take(i++, arg));
            break;
          default:
            if (arg.startsWith('--')) throw new CliUsageError(`opzione sconosciuta: ${arg}`);
            if (body['noticeNumber']) throw new CliUsageError(`argomento in più: ${arg}`);
            body['noticeNumber'] = arg.replace(/\s+/g, '');
        }
      }
      if (!body['noticeNumber'] && !faults['unknownNotice'] && !body['asSecondaryCreditor'])
        throw new CliUsageError('pay: indicare il codice avviso');
      if (payer['fiscalCode']) body['payer'] = { fullName: payer['fiscalCode'], ...payer };
      if (Object.keys(faults).length > 0) body['faults'] = faults;
      return { kind: 'pay', body, json };
    }
    case 'settle': {
      const index = rest.indexOf('--date');
      const date = index >= 0 ? take(index, '--date') : null;
      if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new CliUsageError('--date: AAAA-MM-GG');
      return { kind: 'settle', date, json };
    }
    case 'flows': {
      const index = rest.indexOf('--entity');
      return { kind: 'flows', fiscalCode: index >= 0 ? take(index, '--entity') : null, json };
    }
    case 'receipts':
      return { kind: 'receipts', json };
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return { kind: 'help' };
    default:
      throw new CliUsageError(`comando sconosciuto: ${command}`);
  }
}
