import { request as httpRequest } from 'node:http';
import { type AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { type DebtPosition, type PositionImport } from '@pagamenti/contracts';
import { parseNoticeNumber, todayInRome } from '@pagamenti/pagopa';
import { asPerson, createSession } from '../../../../test/auth';
import { engine, resetDatabase, startTestApp } from '../../../../test/test-app';
import { JobWorker } from '../../jobs/job-worker.service';
import { PositionImportJob } from './position-import.job';
import { PositionImportsService } from './position-imports.service';
import { createSampleEntity } from './sample-entity';
import { sampleCsv } from './sample-positions-csv';

const PINETO = '99023040399';
const OPERATOR = 'OPRPNT80A01H501X';
const VIEWER = 'VWRPNT80A01H501Y';

function day(offset: number): string {
  const date = new Date(`${todayInRome()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return `${String(date.getUTCDate()).padStart(2, '0')}/${String(date.getUTCMonth() + 1).padStart(2, '0')}/${date.getUTCFullYear()}`;
}

const HEADER =
  'azione;iupd;codice_tipo_dovuto;codice_fiscale_debitore;nome_debitore;causale;rata;importo;scadenza;motivo_annullamento';

/** Parses our `;` CSV reports (quoted cells, BOM) into rows of cells. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.replace(/^\ufeff/, '').split('\r\n')) {
    if (line === '') continue;
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const char = line[i];
      if (quoted) {
        if (char === '"' && line[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (char === '"') quoted = false;
        else cell += char;
      } else if (char === '"') quoted = true;
      else if (char === ';') {
        cells.push(cell);
        cell = '';
      } else cell += char;
    }
    cells.push(cell);
    rows.push(cells);
  }
  return rows;
}

describe(`bulk upload of debt positions on ${engine}`, () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let worker: JobWorker;
  let http: Awaited<ReturnType<typeof asPerson>>;
  let pineto = '';
  const base = () => `/api/v1/entities/${pineto}/position-imports`;

  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    Number(((await db.query(sql, params)) as { n: string }[])[0]?.n ?? 0);

  /** Uploads a file, runs the job queue, returns the finished import. */
  const runImport = async (
    body: string | Buffer,
    options: { contentType?: string; dryRun?: boolean; fileName?: string } = {},
  ): Promise<PositionImport> => {
    const query = new URLSearchParams({
      ...(options.dryRun ? { dryRun: 'true' } : {}),
      fileName: options.fileName ?? 'posizioni.csv',
    });
    const accepted = await http
      .post(`${base()}?${query.toString()}`)
      .set('Content-Type', options.contentType ?? 'text/csv')
      .send(body)
      .expect(202);
    await worker.drain();
    return (await http.get(`${base()}/${(accepted.body as PositionImport).id}`).expect(200))
      .body as PositionImport;
  };

  const report = async (id: string, kind: 'errors' | 'outcomes') => {
    const response = await http.get(`${base()}/${id}/${kind}.csv`).expect(200);
    expect(response.headers['content-type']).toContain('text/csv');
    return readCsv(response.text);
  };

  beforeAll(async () => {
    app = await startTestApp();
    db = app.get(DataSource);
    worker = app.get(JobWorker);
    await resetDatabase(app);
    pineto = (await createSampleEntity(app, PINETO)).entityId;
    http = await asPerson(app, {
      fiscalCode: OPERATOR,
      entityRoles: [{ entityId: pineto, role: 'operator' }],
    });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  it('serves a template per due type that imports as it is', async () => {
    const template = await http
      .get(`/api/v1/entities/${pineto}/due-types/TARI/positions-template.csv`)
      .expect(200);
    expect(template.headers['content-disposition']).toContain('modello-posizioni-TARI.csv');
    const rows = readCsv(template.text);
    expect(rows[0]).toEqual(
      expect.arrayContaining(['azione', 'iupd', 'codice_tipo_dovuto', 'rata', 'importo', 'iban_2']),
    );
    expect(rows).toHaveLength(4);
    await http.get(`/api/v1/entities/${pineto}/due-types/NOPE/positions-template.csv`).expect(404);

    const done = await runImport(template.text, { fileName: 'modello.csv' });
    expect(done).toMatchObject({
      status: 'SUCCEEDED',
      totalRows: 3,
      rowsDone: 3,
      encoding: 'UTF-8 con BOM',
      separator: 'punto e virgola',
      counts: { created: 2, failedRows: 0 },
    });
    const outcomes = await report(done.id, 'outcomes');
    expect(outcomes[0]).toEqual(['riga', 'azione', 'iupd', 'esito', 'numero_avviso', 'iuv', 'messaggio']);
    expect(outcomes.slice(1).map((row) => row[3])).toEqual(['CREATA', 'CREATA', 'CREATA']);
    for (const row of outcomes.slice(1)) expect(parseNoticeNumber(row[4] ?? '')?.checkDigitValid).toBe(true);
    // The single payment without IUPD got the derived one; the installments share theirs.
    expect(outcomes[1]?.[2]).toMatch(/^IMP-[0-9A-F]{16}-2$/);
    expect(outcomes[2]?.[2]).toBe(outcomes[3]?.[2]);
  });

  it('imports the valid rows, reports every invalid field by row and column, and neutralises formulas', async () => {
    const csv = [
      HEADER,
      `CREA;GB-1;TARI;RSSMRA80A01H501U;Mario Rossi;TARI 2026;;120,50;${day(30)};`,
      `CREA;GB-2;TARI;RSSMRA80A01H50XU;=SOMMA(A1);TARI 2026;;12,345;31/02/2026;`,
      `CREA;GB-3;NOPE;RSSMRA80A01H501U;Mario Rossi;TARI 2026;;10;${day(30)};`,
      `CREA;GB-4;TARI;01199250158;Esempio S.r.l.;TARI 2026;1;50;${day(30)};`,
      `CREA;GB-4;TARI;01199250158;Esempio S.r.l.;TARI 2026;2;50,00;${day(60)};`,
      `CREA;GB-5;TARI;RSSMRA80A01H501U;Mario Rossi;"TARI 2026;10;${day(30)};`,
      `CREA;GB-6;TARI;RSSMRA80A01H501U;Mario Rossi;TARI 2026;;10`,
      `CREA;GB-7;TARI;RSSMRA80A01H501U;Mario Rossi;TARI 2026;1;10;${day(30)};`,
      `CREA;GB-1;TARI;RSSMRA80A01H501U;Mario Rossi;TARI 2026;;120,50;${day(30)};`,
      `AGGIORNA;GB-NONE;TARI;RSSMRA80A01H501U;Mario Rossi;TARI 2026;;10;${day(30)};`,
      ';;;;;;;;;',
      `CREA;;TARI;VRDLCU72C12G482Y;Luca Verdi;TARI 2026;;1.234;${day(30)};`,
    ].join('\n');
    const done = await runImport(csv);
    expect(done).toMatchObject({ status: 'SUCCEEDED', counts: { created: 2, failedRows: 8 } });
    expect(await count(`SELECT count(*) AS n FROM debt_position WHERE import_id = $1`, [done.id])).toBe(2);

    const errors = await report(done.id, 'errors');
    expect(errors[0]).toEqual([...HEADER.split(';'), 'riga', 'errore']);
    const byRow = new Map(errors.slice(1).map((row) => [row[row.length - 2], row]));
    const message = (row: number) => byRow.get(String(row))?.at(-1) ?? '';
    expect([...byRow.keys()]).toEqual(['3', '4', '7', '8', '9', '10', '11', '13']);
    expect(message(3)).toContain(
      'codice_fiscale_debitore: Il codice fiscale della persona fisica non è valido',
    );
    expect(message(3)).toContain('importo: importo ambiguo "12,345"');
    expect(message(3)).toContain('scadenza: "31/02/2026" non è un giorno del calendario');
    // Mirrored input, with the formula neutralised.
    expect(byRow.get('3')?.slice(0, 5)).toEqual(['CREA', 'GB-2', 'TARI', 'RSSMRA80A01H50XU', "'=SOMMA(A1)"]);
    expect(message(4)).toContain('codice_tipo_dovuto: il tipo dovuto NOPE non è nel catalogo dell’ente');
    expect(message(7)).toContain('virgolette non chiuse');
    expect(byRow.get('7')?.[0]).toContain('"TARI 2026;10;');
    expect(message(8)).toContain('la riga ha 8 colonne');
    expect(message(9)).toContain('rata: Un piano rateale ha almeno 2 rate');
    expect(message(10)).toContain('lo IUPD GB-1 compare già alla riga 2');
    expect(message(11)).toContain('nessuna posizione dell’ente con IUPD GB-NONE');
    expect(message(13)).toContain('importo ambiguo "1.234"');

    const outcomes = await report(done.id, 'outcomes');
    const gb4 = outcomes.filter((row) => row[2] === 'GB-4');
    expect(gb4.map((row) => row[3])).toEqual(['CREATA', 'CREATA']);
    expect(gb4[0]?.[4]).not.toBe(gb4[1]?.[4]);
    const position = (await http.get(`/api/v1/entities/${pineto}/positions/GB-4`).expect(200))
      .body as DebtPosition;
    expect(
      position.options.map((option) => [option.installment, option.amountCents, option.noticeNumber]),
    ).toEqual([
      [1, 5000, gb4[0]?.[4]],
      [2, 5000, gb4[1]?.[4]],
    ]);
  });

  it('dry run: checks every row and writes nothing but the report', async () => {
    const positions = await count('SELECT count(*) AS n FROM debt_position');
    const counter = await db.query('SELECT next_base FROM notice_number_counter ORDER BY entity_id');
    const csv = [
      HEADER,
      `CREA;DRY-1;TARI;RSSMRA80A01H501U;Mario Rossi;TARI 2026;;120,50;${day(30)};`,
      `CREA;DRY-2;TARI;RSSMRA80A01H501U;;TARI 2026;;10;${day(30)};`,
    ].join('\r\n');
    const done = await runImport(csv, { dryRun: true });
    expect(done).toMatchObject({ status: 'SUCCEEDED', dryRun: true, counts: { created: 1, failedRows: 1 } });
    expect(await count('SELECT count(*) AS n FROM debt_position')).toBe(positions);
    expect(await db.query('SELECT next_base FROM notice_number_counter ORDER BY entity_id')).toEqual(counter);
    const outcomes = await report(done.id, 'outcomes');
    expect(outcomes.slice(1).map((row) => [row[0], row[3], row[4]])).toEqual([
      ['2', 'VALIDA', ''],
      ['3', 'ERRORE', ''],
    ]);
    expect((await report(done.id, 'errors'))[1]?.at(-1)).toContain('nome_debitore: Il nome del debitore');
  });

  it('re-uploading the same file creates no duplicates, rows without IUPD included', async () => {
    const csv = sampleCsv({
      rows: 60,
      dueTypeCode: 'TARI',
      iupdPrefix: null,
      seed: 7,
      installmentShare: 0.3,
    });
    const first = await runImport(csv);
    expect(first.counts.failedRows).toBe(0);
    const created = first.counts.created;
    expect(created).toBeGreaterThan(20);
    const total = await count('SELECT count(*) AS n FROM debt_position');
    const second = await runImport(csv);
    expect(second.counts).toEqual({
      created: 0,
      updated: 0,
      cancelled: 0,
      unchanged: created,
      failedRows: 0,
    });
    expect(await count('SELECT count(*) AS n FROM debt_position')).toBe(total);
    const firstOutcomes = await report(first.id, 'outcomes');
    const secondOutcomes = await report(second.id, 'outcomes');
    expect(secondOutcomes.slice(1).map((row) => [row[2], row[4]])).toEqual(
      firstOutcomes.slice(1).map((row) => [row[2], row[4]]),
    );
    expect(secondOutcomes[1]?.[3]).toBe('GIA_PRESENTE');
  });

  it('finds an IUPD taken after the sample of the batch, and writes the batch again without it', async () => {
    const rows = Array.from(
      { length: 40 },
      (_, i) => `CREA;LATE-${i + 1};TARI;RSSMRA80A01H501U;Mario Rossi;TARI 2026;;${10 + i};${day(30)};`,
    );
    const first = await runImport([HEADER, rows[29]].join('\n'));
    expect(first.counts.created).toBe(1);
    const done = await runImport([HEADER, ...rows].join('\n'));
    expect(done.counts).toMatchObject({ created: 39, unchanged: 1, failedRows: 0 });
    const outcomes = await report(done.id, 'outcomes');
    expect(outcomes[30]).toEqual(expect.arrayContaining(['LATE-30', 'GIA_PRESENTE']));
    expect(await count(`SELECT count(*) AS n FROM debt_position WHERE iupd LIKE 'LATE-%'`)).toBe(40);
  });

  it('resumes after a crash from the last committed batch: no duplicates, no gaps in the notice numbers', async () => {
    const service = app.get(PositionImportsService);
    const csv = sampleCsv({
      rows: 1000,
      dueTypeCode: 'TARI',
      iupdPrefix: 'CRASH',
      seed: 11,
      installmentShare: 0,
    });
    const upload = await service.upload({
      entityId: pineto,
      format: 'CSV',
      fileName: 'crash.csv',
      dryRun: false,
      actor: OPERATOR,
      body: Readable.from([Buffer.from(csv)]),
      contentLength: null,
      batchSize: 100,
    });
    // The database refuses the fourth batch: the job dies there, as if the process had been killed.
    await db.query(`
      CREATE FUNCTION import_crash() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.committed AND (SELECT count(*) FROM position_import_batch b WHERE b.import_id = NEW.import_id AND b.committed) >= 3 THEN
          RAISE EXCEPTION 'arresto simulato';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(
      'CREATE TRIGGER import_crash BEFORE INSERT OR UPDATE ON position_import_batch FOR EACH ROW EXECUTE FUNCTION import_crash()',
    );
    try {
      await worker.drain();
    } finally {
      await db.query('DROP TRIGGER import_crash ON position_import_batch');
      await db.query('DROP FUNCTION import_crash()');
    }
    const halfway = (await http.get(`${base()}/${upload.id}`).expect(200)).body as PositionImport;
    expect(halfway.status).toBe('QUEUED');
    expect(halfway.rowsDone).toBeGreaterThanOrEqual(300);
    expect(halfway.rowsDone).toBeLessThan(1000);
    const partial = await count('SELECT count(*) AS n FROM debt_position WHERE import_id = $1', [upload.id]);
    expect(partial).toBe(halfway.rowsDone);

    await db.query(`UPDATE job SET run_at = now() WHERE payload->>'importId' = $1`, [upload.id]);
    await worker.drain();
    const done = (await http.get(`${base()}/${upload.id}`).expect(200)).body as PositionImport;
    expect(done).toMatchObject({
      status: 'SUCCEEDED',
      rowsDone: 1000,
      counts: { created: 1000, failedRows: 0 },
    });
    expect(await count('SELECT count(*) AS n FROM debt_position WHERE import_id = $1', [upload.id])).toBe(
      1000,
    );
    expect(
      await count(`SELECT count(DISTINCT iupd) AS n FROM debt_position WHERE import_id = $1`, [upload.id]),
    ).toBe(1000);
    const bases: { base: string }[] = await db.query(
      `SELECT substring(o.notice_number from 4 for 13)::bigint::text AS base
         FROM payment_option o JOIN debt_position p ON p.id = o.position_id WHERE p.import_id = $1`,
      [upload.id],
    );
    const numbers = bases.map((row) => Number(row.base)).sort((a, b) => a - b);
    expect(numbers).toHaveLength(1000);
    expect((numbers.at(-1) as number) - (numbers[0] as number)).toBe(999);
    expect(
      await count(
        `SELECT count(*) AS n FROM position_history h JOIN debt_position p ON p.id = h.position_id WHERE p.import_id = $1`,
        [upload.id],
      ),
    ).toBe(1000);
  });

  it('reads Windows-1252, UTF-8 with BOM, UTF-16 and comma-separated files, and says so', async () => {
    const row = (iupd: string, sep = ';') =>
      [
        'CREA',
        iupd,
        'TARI',
        'RSSMRA80A01H501U',
        'Niccolò Citrà',
        'TARI 2026 – quota',
        '',
        '10,00',
        day(30),
        '',
      ].join(sep);
    const latin = await runImport(Buffer.from(`${HEADER}\r\n${row('ENC-1')}\r\n`, 'latin1'));
    expect(latin).toMatchObject({
      status: 'SUCCEEDED',
      encoding: 'Windows-1252 (Latin-1)',
      counts: { created: 1 },
    });
    expect(latin.warnings[0]).toContain('Windows-1252');
    const bom = await runImport(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${HEADER}\n${row('ENC-2')}\n`)]),
    );
    expect(bom).toMatchObject({ encoding: 'UTF-8 con BOM', counts: { created: 1 } });
    const utf16 = await runImport(
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER}\n${row('ENC-3')}`, 'utf16le')]),
    );
    expect(utf16).toMatchObject({ encoding: 'UTF-16 (little endian)', counts: { created: 1 } });
    const comma = await runImport(
      `${HEADER.replaceAll(';', ',')}\n${row('ENC-4', ',').replace('10,00', '"10,00"')}\n`,
    );
    expect(comma).toMatchObject({ separator: 'virgola', counts: { created: 1, failedRows: 0 } });
    for (const iupd of ['ENC-1', 'ENC-2', 'ENC-3', 'ENC-4']) {
      const position = (await http.get(`/api/v1/entities/${pineto}/positions/${iupd}`).expect(200))
        .body as DebtPosition;
      expect(position.debtor.name).toBe('Niccolò Citrà');
    }
  });

  it('refuses files that are not CSV, headers with unknown columns, and bodies over the limits', async () => {
    const xlsx = await http
      .post(base())
      .set('Content-Type', 'application/octet-stream')
      .send(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))
      .expect(400);
    expect(xlsx.body.message).toContain('foglio di calcolo');
    const header = await http
      .post(base())
      .set('Content-Type', 'text/csv')
      .send('iupd;importo;scadensa\n1;2;3\n')
      .expect(400);
    expect(header.body.fieldErrors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'scadensa', rule: 'unknownColumn' }),
        expect.objectContaining({ field: 'scadenza', rule: 'requiredColumn' }),
      ]),
    );
    await http.post(base()).set('Content-Type', 'image/png').send(Buffer.from('x')).expect(415);
    const rows = await http
      .post(base())
      .set('Content-Type', 'text/csv')
      .send(`${HEADER}\n${';\n'.repeat(1_000_001)}`)
      .expect(413);
    expect(rows.body.message).toContain('1.000.000');
    expect(await count(`SELECT count(*) AS n FROM position_import WHERE status = 'UPLOADING'`)).toBe(0);

    // A declared length over 100 MB is refused before a byte is read.
    const server = app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, resolve));
    const { port } = server.address() as AddressInfo;
    const { cookie, csrf } = await createSession(app, {
      fiscalCode: OPERATOR,
      entityRoles: [{ entityId: pineto, role: 'operator' }],
    });
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(
        {
          port,
          method: 'POST',
          path: base(),
          headers: {
            'Content-Type': 'text/csv',
            'Content-Length': 200 * 1024 * 1024,
            Cookie: cookie,
            'x-csrf-token': csrf,
          },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on('error', reject);
      request.write(`${HEADER}\n`);
    });
    expect(status).toBe(413);
  });

  it('updates and cancels positions named by IUPD', async () => {
    const created = await runImport(
      [
        HEADER,
        `CREA;UPD-1;TARI;RSSMRA80A01H501U;Mario Rossi;TARI 2026;;100;${day(30)};`,
        `CREA;UPD-2;TARI;RSSMRA80A01H501U;Mario Rossi;TARI 2026;;100;${day(30)};`,
      ].join('\n'),
    );
    expect(created.counts.created).toBe(2);
    const before = (await http.get(`/api/v1/entities/${pineto}/positions/UPD-1`).expect(200))
      .body as DebtPosition;
    const changed = await runImport(
      [
        HEADER,
        `AGGIORNA;UPD-1;TARI;RSSMRA80A01H501U;Mario Rossi;TARI 2026 rettificata;;80,00;${day(45)};`,
        `ANNULLA;UPD-2;;;;;;;;Emessa per errore`,
        `ANNULLA;UPD-1;;;;;;;;`,
      ].join('\n'),
    );
    expect(changed.counts).toMatchObject({ updated: 1, cancelled: 1, failedRows: 1 });
    expect((await report(changed.id, 'errors'))[1]?.at(-1)).toContain('compare già alla riga 2');
    const updated = (await http.get(`/api/v1/entities/${pineto}/positions/UPD-1`).expect(200))
      .body as DebtPosition;
    expect(updated).toMatchObject({
      description: 'TARI 2026 rettificata',
      amountCents: 8000,
      status: 'VALID',
    });
    // The single payment keeps its notice number: it may already be printed on a notice.
    expect(updated.options[0]?.noticeNumber).toBe(before.options[0]?.noticeNumber);
    const cancelled = (await http.get(`/api/v1/entities/${pineto}/positions/UPD-2`).expect(200))
      .body as DebtPosition;
    expect(cancelled.status).toBe('CANCELLED');
    const history = (await http.get(`/api/v1/entities/${pineto}/positions/UPD-2/history`).expect(200))
      .body as {
      note: string;
      actor: string;
    }[];
    expect(history.at(-1)).toMatchObject({ actor: OPERATOR, note: 'Annullata: Emessa per errore' });
  });

  it('takes JSON arrays and multipart uploads', async () => {
    const items = [
      {
        action: 'CREATE',
        position: {
          iupd: 'JSON-1',
          dueTypeCode: 'TARI',
          debtor: { type: 'F', idValue: 'RSSMRA80A01H501U', name: 'Mario Rossi' },
          description: 'TARI 2026',
          options: [
            { amountCents: 1000, dueDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10) },
          ],
        },
      },
      {
        action: 'CREATE',
        position: { iupd: 'JSON-2', dueTypeCode: 'TARI', debtor: { type: 'F' }, options: [], colour: 'red' },
      },
      { action: 'CANCEL', position: { iupd: 'JSON-1', reason: 'prova' } },
    ];
    const done = await runImport(JSON.stringify(items), {
      contentType: 'application/json',
      fileName: 'p.json',
    });
    expect(done).toMatchObject({ format: 'JSON', totalRows: 3, counts: { created: 1, failedRows: 2 } });
    const errors = await report(done.id, 'errors');
    expect(errors[0]).toEqual(['elemento', 'azione', 'iupd', 'errore']);
    expect(errors[1]?.[3]).toContain('position.colour: campo sconosciuto');
    expect(errors[1]?.[3]).toContain('position.debtor.idValue');

    const multipart = await http
      .post(base())
      .attach(
        'file',
        Buffer.from(`${HEADER}\nCREA;MP-1;TARI;RSSMRA80A01H501U;Mario Rossi;TARI 2026;;10;${day(30)};\n`),
        {
          filename: 'dal-browser.csv',
          contentType: 'text/csv',
        },
      )
      .expect(202);
    expect(multipart.body).toMatchObject({ fileName: 'dal-browser.csv', format: 'CSV', totalRows: 1 });
    await worker.drain();
    await http.get(`/api/v1/entities/${pineto}/positions/MP-1`).expect(200);
  });

  it('lists the imports newest first, and lets only writers upload', async () => {
    const page = (await http.get(`${base()}?limit=2`).expect(200)).body as {
      items: PositionImport[];
      nextCursor: string;
    };
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).toBeTruthy();
    const next = (await http.get(`${base()}?limit=2&cursor=${page.nextCursor}`).expect(200)).body as {
      items: PositionImport[];
    };
    expect(next.items[0]?.createdAt <= (page.items[1]?.createdAt ?? '')).toBe(true);
    const viewer = await asPerson(app, {
      fiscalCode: VIEWER,
      entityRoles: [{ entityId: pineto, role: 'viewer' }],
    });
    await viewer.get(base()).expect(200);
    await viewer.post(base()).set('Content-Type', 'text/csv').send(`${HEADER}\n`).expect(403);
    expect(app.get(PositionImportJob).insertMethod).toBe(engine === 'postgresql' ? 'copy' : 'unnest');
  });
});
