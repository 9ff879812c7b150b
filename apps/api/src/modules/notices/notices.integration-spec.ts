import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { type DebtPosition } from '@pagamenti/contracts';
import { buildNoticeQrPayload, formatNoticeNumber, todayInRome } from '@pagamenti/pagopa';
import { asPerson } from '../../../test/auth';
import { engine, resetDatabase, startTestApp } from '../../../test/test-app';
import { DemoSeedService } from '../../seed/demo-seed.service';
import { JobWorker } from '../jobs/job-worker.service';
import { ReceiptRow } from '../station/receipt.entity';
import { type NoticeBatchView } from './notices.service';

const PINETO = '99023040399';
const MONTESILVANO = '99027229550';
const PINETO_POSTAL_IBAN = 'IT97V0760115400000001004642';
const MARIO = 'RSSMRA80A01H501U';
const GIULIA = 'BNCGLI85M45A345P';

const TOOLS = ['pdftotext', 'pdftoppm', 'zbarimg', 'dmtxread'];
const missingTools = TOOLS.filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
const itReadsBack = missingTools.length ? it.skip : it;

function daysFromToday(days: number): string {
  const date = new Date(`${todayInRome()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A TARI position of Mario Rossi paid to Pineto's postal account: single payment or 2 instalments. */
function postalTari(iupd: string, debtor = { idValue: MARIO, name: 'Mario Rossi' }) {
  return {
    iupd,
    dueTypeCode: 'TARI',
    debtor: {
      type: 'F',
      ...debtor,
      streetName: 'Via Roma',
      civicNumber: '5',
      postalCode: '64025',
      city: 'Pineto',
      province: 'TE',
    },
    description: 'TARI 2026 - utenza domestica',
    options: [
      {
        amountCents: 24680,
        dueDate: daysFromToday(30),
        transfers: [{ amountCents: 24680, iban: PINETO_POSTAL_IBAN }],
      },
      {
        installment: 1,
        amountCents: 12340,
        dueDate: daysFromToday(30),
        transfers: [{ amountCents: 12340, iban: PINETO_POSTAL_IBAN }],
      },
      {
        installment: 2,
        amountCents: 12340,
        dueDate: daysFromToday(90),
        transfers: [{ amountCents: 12340, iban: PINETO_POSTAL_IBAN }],
      },
    ],
  };
}

const binary = (test: request.Test) =>
  test.buffer(true).parse((response, callback) => {
    const parts: Buffer[] = [];
    response.on('data', (chunk: Buffer) => parts.push(chunk));
    response.on('end', () => callback(null, Buffer.concat(parts)));
  });

interface ReadBack {
  text: string;
  qr: string[];
  dataMatrix: string[];
  pages: number;
}

/** pdftotext, then every page at 300 dpi through zbarimg, and the slips' strip through dmtxread. */
function readBack(pdf: Buffer, dataMatrixPerPage = false): ReadBack {
  const work = mkdtempSync(join(tmpdir(), 'notices-it-'));
  try {
    const file = join(work, 'notice.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    execFileSync('pdftoppm', ['-r', '300', '-png', file, join(work, 'page')]);
    const images = readdirSync(work)
      .filter((entry) => entry.startsWith('page') && entry.endsWith('.png'))
      .sort();
    const qr: string[] = [];
    const dataMatrix: string[] = [];
    images.forEach((image, index) => {
      const zbar = spawnSync('zbarimg', ['-q', '--raw', '-Sdisable', '-Sqrcode.enable', join(work, image)], {
        encoding: 'utf8',
      });
      qr.push(...zbar.stdout.split('\n').filter(Boolean));
      if (!dataMatrixPerPage) return;
      const page = String(index + 1);
      const pageText = execFileSync('pdftotext', ['-f', page, '-l', page, file, '-'], { encoding: 'utf8' });
      const slips = pageText.split('BOLLETTINO POSTALE PA').length - 1;
      if (!slips) return;
      const strip = join(work, `strip-${page}`);
      execFileSync('pdftoppm', [
        ...['-r', '300', '-png', '-singlefile', '-f', page, '-l', page],
        ...['-x', '1950', '-y', '0', '-W', '530', '-H', '3508', file, strip],
      ]);
      const dmtx = spawnSync('dmtxread', ['-n', '-N', String(slips), '-S', '2', `${strip}.png`], {
        encoding: 'utf8',
      });
      dataMatrix.push(...dmtx.stdout.split('\n').filter(Boolean));
    });
    return { text: text.replace(/\s+/g, ' '), qr, dataMatrix, pages: images.length };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Names of the entries of a ZIP, from its central directory. */
function zipEntries(zip: Buffer): string[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(offset + 28);
    const extra = zip.readUInt16LE(offset + 30);
    const comment = zip.readUInt16LE(offset + 32);
    names.push(zip.subarray(offset + 46, offset + 46 + nameLength).toString('utf8'));
    offset += 46 + nameLength + extra + comment;
  }
  return names;
}

/** Pages of a PDF, counted from its page tree (works without poppler). */
const pageCount = (pdf: Buffer) => Number(/\/Type \/Pages\n\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1]);

describe(`notices and receipts as PDFs on ${engine}`, () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let pinetoOperator: Awaited<ReturnType<typeof asPerson>>;
  let montesilvanoOperator: Awaited<ReturnType<typeof asPerson>>;
  let mario: Awaited<ReturnType<typeof asPerson>>;
  let giulia: Awaited<ReturnType<typeof asPerson>>;
  let pineto = '';
  let montesilvano = '';
  let withInstallments: DebtPosition;
  let single: DebtPosition;
  const positions = () => `/api/v1/entities/${pineto}/positions`;
  const batches = () => `/api/v1/entities/${pineto}/notice-batches`;

  const create = async (body: object) =>
    (await pinetoOperator.post(positions()).send(body).expect(201)).body as DebtPosition;

  const runBatch = async (body: object): Promise<NoticeBatchView> => {
    const queued = (await pinetoOperator.post(batches()).send(body).expect(201)).body as NoticeBatchView;
    expect(queued).toMatchObject({ status: 'queued', done: 0, total: null });
    await app.get(JobWorker).drain();
    return (await pinetoOperator.get(`${batches()}/${queued.id}`).expect(200)).body as NoticeBatchView;
  };

  beforeAll(async () => {
    app = await startTestApp();
    db = app.get(DataSource);
    await resetDatabase(app);
    await app.get(DemoSeedService).seed();
    const ids: { id: string; fiscal_code: string }[] = await db.query(
      'SELECT id, fiscal_code FROM creditor_entity WHERE fiscal_code = ANY($1)',
      [[PINETO, MONTESILVANO]],
    );
    pineto = ids.find((row) => row.fiscal_code === PINETO)?.id ?? '';
    montesilvano = ids.find((row) => row.fiscal_code === MONTESILVANO)?.id ?? '';
    pinetoOperator = await asPerson(app, {
      fiscalCode: 'OPRPNT80A01H501X',
      entityRoles: [{ entityId: pineto, role: 'operator' }],
    });
    montesilvanoOperator = await asPerson(app, {
      fiscalCode: 'OPRMNT80A01H501Y',
      entityRoles: [{ entityId: montesilvano, role: 'operator' }],
    });
    mario = await asPerson(app, { fiscalCode: MARIO });
    giulia = await asPerson(app, { fiscalCode: GIULIA });
    withInstallments = await create(postalTari('NOTICE-IT-1'));
    single = await create({
      ...postalTari('NOTICE-IT-2', { idValue: GIULIA, name: 'Giulia Bianchi' }),
      options: [{ amountCents: 5000, dueDate: daysFromToday(20) }],
    });
    await create({
      ...postalTari('NOTICE-IT-3'),
      options: [{ amountCents: 700, dueDate: daysFromToday(10) }],
    });
    await pinetoOperator.post(`${positions()}/NOTICE-IT-3/cancel`).send({ reason: 'errore' }).expect(200);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  describe('one notice', () => {
    it('is a PDF named by the notice number for the entity’s operators', async () => {
      const response = await binary(pinetoOperator.get(`${positions()}/NOTICE-IT-1/notice.pdf`)).expect(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      const first = withInstallments.options.find((option) => option.installment === null);
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="avviso-${first?.noticeNumber}.pdf"`,
      );
      const pdf = response.body as Buffer;
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.length).toBeLessThan(60 * 1024);
    });

    itReadsBack(
      'reads back: every QR code is PAGOPA|002|<notice>|<entity CF>|<cents>, the Data Matrix slips name the postal account',
      async () => {
        const pdf = (await binary(pinetoOperator.get(`${positions()}/NOTICE-IT-1/notice.pdf`)).expect(200))
          .body as Buffer;
        const result = readBack(pdf, true);
        const expected = withInstallments.options.map((option) =>
          buildNoticeQrPayload({
            noticeNumber: option.noticeNumber,
            creditorFiscalCode: PINETO,
            amountCents: option.amountCents,
          }),
        );
        expect(expected[0]).toBe(`PAGOPA|002|${withInstallments.options[0]?.noticeNumber}|${PINETO}|24680`);
        expect([...result.qr].sort()).toEqual([...expected].sort());
        for (const option of withInstallments.options) {
          expect(result.text).toContain(formatNoticeNumber(option.noticeNumber));
        }
        expect(result.text).toContain('Comune di Pineto');
        expect(result.text).toContain('Mario Rossi');
        expect(result.text).toContain('TARI 2026 - utenza domestica');
        expect(result.text).toContain('Puoi pagare per intero oppure in 2 rate');
        expect(result.text).toContain('A0716'); // CBILL
        expect(result.text).toContain('BOLLETTINO POSTALE PA');
        expect(result.text).toContain('1004642'); // postal account from the postal IBAN
        expect(result.dataMatrix).toHaveLength(3);
        for (const payload of result.dataMatrix) {
          expect(payload.slice(35, 47)).toBe('000001004642');
          expect(payload.slice(66, 77)).toBe(PINETO);
        }
      },
      120_000,
    );

    it('is refused to another entity’s operator (403) and missing positions are 404', async () => {
      await montesilvanoOperator.get(`${positions()}/NOTICE-IT-1/notice.pdf`).expect(403);
      const missing = await pinetoOperator.get(`${positions()}/NOPE-404/notice.pdf`).expect(404);
      expect(missing.body.code).toBe('POSITION_NOT_FOUND');
    });

    it('answers 409 with the reason when nothing is left to pay', async () => {
      const response = await pinetoOperator.get(`${positions()}/NOTICE-IT-3/notice.pdf`).expect(409);
      expect(response.body.message).toContain('annullata');
    });

    it('is served to the debtor in the citizen area, and to nobody else', async () => {
      const own = await binary(mario.get(`/api/v1/me/positions/${withInstallments.id}/notice.pdf`)).expect(
        200,
      );
      expect((own.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
      await giulia.get(`/api/v1/me/positions/${withInstallments.id}/notice.pdf`).expect(404);
      await binary(giulia.get(`/api/v1/me/positions/${single.id}/notice.pdf`)).expect(200);
      await request(app.getHttpServer()).get(`/api/v1/me/positions/${single.id}/notice.pdf`).expect(401);
    });
  });

  describe('receipts', () => {
    let receiptId = '';
    beforeAll(async () => {
      receiptId = `rcpt-${Date.now()}`;
      const option = single.options[0];
      await db.getRepository(ReceiptRow).save({
        receiptId,
        recipientFiscalCode: PINETO,
        recipientEntityId: pineto,
        role: 'PRIMARY',
        brokerCode: '99000000010',
        stationCode: '99000000010_01',
        primitiveVersion: 2,
        noticeNumber: option?.noticeNumber ?? '',
        entityFiscalCode: PINETO,
        creditorReferenceId: option?.iuv ?? '',
        positionId: single.id,
        optionId: null,
        outcome: 'OK',
        amountCents: 5000,
        feeCents: 150,
        primaryCiIncurredFeeCents: null,
        description: 'TARI 2026 - utenza domestica',
        companyName: 'Comune di Pineto',
        officeName: null,
        debtor: { type: 'F', idValue: GIULIA, name: 'Giulia Bianchi' },
        debtorIdValue: GIULIA,
        payer: { type: 'F', idValue: MARIO, name: 'Mario Rossi' },
        payerIdValue: MARIO,
        transfers: [
          {
            index: 1,
            amountCents: 5000,
            beneficiaryFiscalCode: PINETO,
            iban: PINETO_POSTAL_IBAN,
            remittanceInformation: 'TARI 2026 - utenza domestica',
            category: '9/0101101IM/',
          },
        ],
        pspId: 'BCITITMM',
        pspFiscalCode: null,
        pspVatNumber: null,
        pspCompanyName: 'Banca Demo',
        channelId: 'BCITITMM_01',
        channelDescription: 'app',
        paymentMethod: 'CP',
        paymentNote: null,
        idBundle: null,
        idCiBundle: null,
        paymentDateTime: new Date('2026-03-10T09:15:30Z'),
        applicationDate: null,
        transferDate: null,
        metadata: [],
        standIn: false,
        anomaly: null,
        anomalyReason: null,
        correlationId: null,
        rawXml: '<paSendRTV2Request/>',
      });
    });

    it('renders a stored receipt for the receiving entity', async () => {
      const response = await binary(
        pinetoOperator.get(`/api/v1/entities/${pineto}/receipts/${receiptId}/receipt.pdf`),
      ).expect(200);
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="ricevuta-${receiptId}.pdf"`,
      );
      const pdf = response.body as Buffer;
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      if (!missingTools.length) {
        const { text } = readBack(pdf);
        for (const expected of [
          'RICEVUTA DI PAGAMENTO',
          receiptId,
          'Banca Demo',
          'Carta di pagamento',
          'Mario Rossi',
          'Comune di Pineto',
          '10 marzo 2026, 10:15:30',
          'Totale 51,50 €',
        ]) {
          expect(text).toContain(expected);
        }
      }
    });

    it('is 403 for another entity’s operator and 404 when the entity did not receive it', async () => {
      await montesilvanoOperator
        .get(`/api/v1/entities/${pineto}/receipts/${receiptId}/receipt.pdf`)
        .expect(403);
      const other = await asPerson(app, {
        fiscalCode: 'OPRMNT80A01H501Z',
        entityRoles: [{ entityId: montesilvano, role: 'viewer' }],
      });
      await other.get(`/api/v1/entities/${montesilvano}/receipts/${receiptId}/receipt.pdf`).expect(404);
    });
  });

  describe('notice batches', () => {
    it('prints IUPDs into one merged PDF, skipping what has nothing to pay, with progress', async () => {
      const batch = await runBatch({ format: 'pdf', iupds: ['NOTICE-IT-1', 'NOTICE-IT-2', 'NOTICE-IT-3'] });
      expect(batch).toMatchObject({ status: 'succeeded', total: 3, done: 3, skipped: 1, secondsLeft: null });
      const jobs: { progress_done: number; progress_total: number; status: string }[] = await db.query(
        `SELECT j.progress_done, j.progress_total, j.status FROM job j JOIN notice_batch b ON b.job_id = j.id
          WHERE b.id = $1`,
        [batch.id],
      );
      expect(jobs[0]).toMatchObject({ progress_done: 3, progress_total: 3, status: 'succeeded' });
      const download = await binary(pinetoOperator.get(`${batches()}/${batch.id}/download`)).expect(200);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.headers['content-disposition']).toContain(batch.fileName ?? '-');
      const merged = download.body as Buffer;
      expect(merged.length).toBe(batch.sizeBytes);
      // NOTICE-IT-1: single + 2 instalments with postal slips = 2 pages; NOTICE-IT-2: single with slip = 1
      expect(pageCount(merged)).toBe(3);
      expect(batch.pages).toBe(3);
      if (!missingTools.length) {
        const result = readBack(merged);
        expect(result.pages).toBe(3);
        const expected = [...withInstallments.options, ...single.options].map((option) =>
          buildNoticeQrPayload({
            noticeNumber: option.noticeNumber,
            creditorFiscalCode: PINETO,
            amountCents: option.amountCents,
          }),
        );
        expect([...result.qr].sort()).toEqual([...expected].sort());
      }
    });

    it('prints the list’s filters into a ZIP with one PDF per notice, named by notice number', async () => {
      const batch = await runBatch({ format: 'zip', filters: { debtor: MARIO, dueTypeCode: 'TARI' } });
      const mariosTari: { notice_number: string }[] = await db.query(
        `SELECT o.notice_number FROM debt_position p
           JOIN due_type d ON d.id = p.due_type_id
           JOIN LATERAL (SELECT notice_number FROM payment_option WHERE position_id = p.id
                          ORDER BY installment ASC NULLS FIRST LIMIT 1) o ON true
          WHERE p.entity_id = $1 AND p.debtor_id_value = $2 AND d.code = 'TARI'
            AND p.status IN ('VALID', 'PARTIALLY_PAID')`,
        [pineto, MARIO],
      );
      expect(batch.status).toBe('succeeded');
      expect(batch.done - batch.skipped).toBe(mariosTari.length);
      const zip = (await binary(pinetoOperator.get(`${batches()}/${batch.id}/download`)).expect(200))
        .body as Buffer;
      expect(zipEntries(zip).sort()).toEqual(
        mariosTari.map((row) => `avviso-${row.notice_number}.pdf`).sort(),
      );
    });

    it('refuses two selections at once, and other entities cannot see a batch', async () => {
      const refused = await pinetoOperator
        .post(batches())
        .send({ format: 'pdf', iupds: ['NOTICE-IT-1'], filters: {} })
        .expect(400);
      expect(refused.body.code).toBe('VALIDATION_FAILED');
      await pinetoOperator
        .post(batches())
        .send({ format: 'doc', iupds: ['NOTICE-IT-1'] })
        .expect(400);
      const queued = (
        await pinetoOperator
          .post(batches())
          .send({ format: 'pdf', iupds: ['NOTICE-IT-1'] })
          .expect(201)
      ).body as NoticeBatchView;
      await pinetoOperator.get(`${batches()}/${queued.id}/download`).expect(409);
      await montesilvanoOperator.get(`${batches()}/${queued.id}`).expect(403);
      await montesilvanoOperator
        .post(batches())
        .send({ format: 'pdf', iupds: ['NOTICE-IT-1'] })
        .expect(403);
      await app.get(JobWorker).drain();
    });

    it('records a batch whose selection has nothing to print as failed, with the reason', async () => {
      const batch = await runBatch({ format: 'pdf', iupds: ['NOTICE-IT-3'] });
      expect(batch).toMatchObject({ status: 'failed', skipped: 1 });
      expect(batch.error).toContain('Nessun avviso da stampare');
    });
  });
});
