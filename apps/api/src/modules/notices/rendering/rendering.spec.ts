import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  buildNoticeQrPayload,
  buildPosteDataMatrixPayload,
  formatEuroForNotice,
  formatNoticeNumber,
} from '@pagamenti/pagopa';
import type { NoticeDocument } from './documents';
import { POSTAL, bilingualNotice, installmentNotice, sampleReceipt, singleNotice } from './fixtures';
import { formatDate, renderNoticePdf } from './notice-pdf';
import { renderReceiptPdf } from './receipt-pdf';

/**
 * Read-back tests: every variant is rendered, its text extracted with poppler's pdftotext, its pages rasterised
 * at 300 dpi with pdftoppm, the QR codes decoded with zbarimg and the Data Matrix symbols with dmtxread, and the
 * result compared with the payload builders. The PNGs stay in test-artifacts/notices/ for a human look.
 * Needs Debian's poppler-utils, zbar-tools and dmtx-utils (CI installs them); skipped when they are missing.
 */
const TOOLS = ['pdftotext', 'pdftoppm', 'zbarimg', 'dmtxread'];
const missing = TOOLS.filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
const ARTIFACTS = resolve(__dirname, '../../../../../../test-artifacts/notices');

if (missing.length) {
  // eslint-disable-next-line no-console -- the skip must be visible in the test output
  console.warn(
    `notice read-back tests skipped: missing ${missing.join(', ')} ` +
      '(apt-get install poppler-utils zbar-tools dmtx-utils)',
  );
}
const describeWithTools = missing.length ? describe.skip : describe;

interface ReadBack {
  text: string;
  pages: number;
  qr: string[];
  dataMatrix: string[];
}

let work: string;

function readBack(name: string, pdf: Buffer, expectedDataMatrix = 0): ReadBack {
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-r', '300', '-png', file, join(ARTIFACTS, name)]);
  const images = readdirSync(ARTIFACTS)
    .filter((entry) => entry.startsWith(`${name}-`) && entry.endsWith('.png'))
    .sort()
    .map((entry) => join(ARTIFACTS, entry));
  const qr: string[] = [];
  const dataMatrix: string[] = [];
  images.forEach((image, index) => {
    const zbar = spawnSync('zbarimg', ['-q', '--raw', '-Sdisable', '-Sqrcode.enable', image], {
      encoding: 'utf8',
    });
    qr.push(...zbar.stdout.split('\n').filter(Boolean));
    if (!expectedDataMatrix) return;
    // dmtxread scans until it has found -N symbols: count this page's slips from its text, and scan only the
    // right-hand strip (x ≥ 165 mm) where the Data Matrix sits, or a miss costs a minute of scanning
    const page = String(index + 1);
    const pageText = execFileSync('pdftotext', ['-f', page, '-l', page, file, '-'], { encoding: 'utf8' });
    const slips = pageText.split('BOLLETTINO POSTALE PA').length - 1;
    if (!slips) return;
    const strip = join(work, `${name}-strip`);
    execFileSync('pdftoppm', [
      '-r',
      '300',
      '-png',
      '-singlefile',
      '-f',
      page,
      '-l',
      page,
      '-x',
      '1950',
      '-y',
      '0',
      '-W',
      '530',
      '-H',
      '3508',
      file,
      strip,
    ]);
    const dmtx = spawnSync('dmtxread', ['-n', '-N', String(slips), '-S', '2', `${strip}.png`], {
      encoding: 'utf8',
    });
    dataMatrix.push(...dmtx.stdout.split('\n').filter(Boolean));
  });
  return { text, pages: images.length, qr, dataMatrix };
}

const qrOf = (doc: NoticeDocument, noticeNumber: string, amountCents: number) =>
  buildNoticeQrPayload({ noticeNumber, creditorFiscalCode: doc.creditor.fiscalCode, amountCents });

const dataMatrixOf = (doc: NoticeDocument, noticeNumber: string, amountCents: number) =>
  buildPosteDataMatrixPayload({
    noticeNumber,
    amountCents,
    postalAccount: doc.creditor.postal!.accountNumber,
    creditorFiscalCode: doc.creditor.fiscalCode,
    debtorFiscalCode: doc.debtor.fiscalCode ?? '',
    debtorName: doc.debtor.fullName,
    subject: doc.notice.subject,
  });

/** Every payment option of a notice: the single payment first, then the instalments. */
function options(doc: NoticeDocument): { noticeNumber: string; amountCents: number; dueDate?: string }[] {
  const single = doc.notice.noticeNumber
    ? [
        {
          noticeNumber: doc.notice.noticeNumber,
          amountCents: doc.notice.amountCents!,
          dueDate: doc.notice.dueDate,
        },
      ]
    : [];
  return [...single, ...(doc.notice.installments ?? [])];
}

function expectCommonText(doc: NoticeDocument, text: string) {
  const flat = text.replace(/\s+/g, ' ');
  expect(flat).toContain('AVVISO DI PAGAMENTO');
  expect(flat).toContain(doc.creditor.name);
  expect(flat).toContain(doc.creditor.fiscalCode);
  expect(flat).toContain(doc.creditor.cbill!);
  expect(flat).toContain(doc.debtor.fullName);
  expect(flat).toContain(doc.debtor.fiscalCode!);
  expect(flat).toContain(doc.notice.subject);
  for (const option of options(doc)) {
    expect(flat).toContain(formatNoticeNumber(option.noticeNumber));
    expect(flat).toContain(formatEuroForNotice(option.amountCents));
    if (option.dueDate) expect(flat).toContain(formatDate(option.dueDate));
  }
}

const VARIANTS: [string, NoticeDocument, number][] = [
  ['single', singleNotice(), 1],
  ['single-no-due-date', singleNotice({ notice: { ...singleNotice().notice, dueDate: undefined } }), 1],
  ['single-postal', singleNotice({ creditor: { ...singleNotice().creditor, postal: POSTAL } }), 1],
  ['installments-2', installmentNotice(2), 1],
  ['installments-3', installmentNotice(3), 1],
  ['installments-4', installmentNotice(4), 2],
  ['installments-5', installmentNotice(5), 2],
  ['installments-2-postal', installmentNotice(2, true), 2],
  ['installments-3-postal', installmentNotice(3, true), 3],
  ['bilingual-it-de', bilingualNotice('de', true), 1],
  ['second-language-it-en', bilingualNotice('en'), 1],
];

describeWithTools('notice PDFs read back', () => {
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'notices-'));
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const entry of readdirSync(ARTIFACTS)) if (entry.endsWith('.png')) rmSync(join(ARTIFACTS, entry));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it.each(VARIANTS)('%s: text, QR codes and Data Matrix match the position', async (name, doc, pages) => {
    const pdf = await renderNoticePdf(doc);
    expect(pdf.length).toBeLessThan(60 * 1024);
    const postal = doc.creditor.postal !== undefined;
    const expectedOptions = options(doc);
    const result = readBack(name, pdf, postal ? expectedOptions.length : 0);
    expect(result.pages).toBe(pages);
    expectCommonText(doc, result.text);

    const expectedQr = expectedOptions.map((o) => qrOf(doc, o.noticeNumber, o.amountCents));
    expect([...result.qr].sort()).toEqual([...expectedQr].sort());
    if (postal) {
      const expectedDm = expectedOptions.map((o) => dataMatrixOf(doc, o.noticeNumber, o.amountCents));
      expect([...result.dataMatrix].sort()).toEqual([...expectedDm].sort());
      expect(result.text).toContain('BOLLETTINO POSTALE PA');
      expect(result.text).toContain(POSTAL.accountNumber);
    } else {
      expect(result.dataMatrix).toEqual([]);
      expect(result.text).not.toContain('BOLLETTINO POSTALE PA');
    }
    const flat = result.text.replace(/\s+/g, ' ');
    if (doc.notice.installments?.length) {
      expect(flat).toContain(`Puoi pagare per intero oppure in ${doc.notice.installments.length} rate`);
      expect(flat).toContain('Rata 1');
    }
    if (!doc.notice.dueDate) {
      expect(flat).toContain('QUANTO PAGARE?');
      expect(flat).toContain('Rata unica');
    } else {
      expect(flat).toContain('QUANTO E QUANDO PAGARE?');
      expect(flat).toContain(`Rata unica entro il ${formatDate(doc.notice.dueDate)}`);
    }
  });

  it('prints the German labels and translated subject of an IT+DE notice', async () => {
    const doc = bilingualNotice('de', true);
    const flat = readBack('labels-it-de', await renderNoticePdf(doc)).text.replace(/\s+/g, ' ');
    for (const label of [
      'ZAHLUNGSMITTEILUNG',
      'KÖRPERSCHAFT',
      'EMPFÄNGER',
      'WO BEZAHLEN?',
      'ZAHLUNGSINFORMATIONEN',
    ]) {
      expect(flat).toContain(label);
    }
    expect(flat).toContain('Müllabfuhrgebühr 2024');
    expect(flat).toContain('Einmalzahlung bis zum 31/12/2024');
  });

  it('prints the English labels of an IT+EN notice', async () => {
    const flat = readBack('labels-it-en', await renderNoticePdf(bilingualNotice('en'))).text.replace(
      /\s+/g,
      ' ',
    );
    for (const label of [
      'PAYMENT NOTICE',
      'PAYEE',
      'RECIPIENT',
      'WHERE TO PAY?',
      'PAYMENT DETAILS',
      'Waste tax 2024',
    ]) {
      expect(flat).toContain(label);
    }
  });

  it('renders a receipt with payer, PSP, fee, date, receipt id and transfers', async () => {
    const receipt = sampleReceipt();
    const pdf = await renderReceiptPdf(receipt);
    const result = readBack('receipt', pdf);
    const flat = result.text.replace(/\s+/g, ' ');
    expect(result.pages).toBe(1);
    expect(result.qr).toEqual([]);
    for (const expected of [
      'RICEVUTA DI PAGAMENTO',
      'Mario Rossi',
      'RSSMRA80A01H501U',
      'Banca Demo',
      '24 ottobre 2024, 18:45:56',
      receipt.receiptId,
      '223560110624',
      'Comune di Pescara',
      '01199250158',
      'Provincia di Pescara',
      formatNoticeNumber(receipt.transfers[0].reference.value),
      '1.400,00 €',
      '100,00 €',
      'Commissione (applicata da Banca Demo) 1,00 €',
      'Totale 1.501,00 €',
    ]) {
      expect(flat).toContain(expected);
    }
    expect(flat).not.toContain('potrebbe non comprendere le commissioni');
  });

  it('hides the payer of a receipt requested by the debtor and warns about unknown fees', async () => {
    const receipt = sampleReceipt({ requestedByDebtor: true, feeCents: undefined, totalCents: 150000 });
    const flat = readBack('receipt-debtor', await renderReceiptPdf(receipt)).text.replace(/\s+/g, ' ');
    expect(flat).not.toContain('Eseguito da');
    expect(flat).not.toContain('Carta di credito');
    expect(flat).toContain('potrebbe non comprendere le commissioni');
    expect(flat).toContain('Totale 1.500,00 €');
  });
});

describe('notice rendering without external tools', () => {
  it('rejects a notice with neither a single payment nor instalments', () => {
    const doc = singleNotice();
    expect(() => renderNoticePdf({ ...doc, notice: { subject: 'x', installments: [] } })).toThrow(RangeError);
  });

  it('produces a small A4 PDF', async () => {
    const pdf = await renderNoticePdf(
      singleNotice({ creditor: { ...singleNotice().creditor, postal: POSTAL } }),
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeLessThan(60 * 1024);
  });
});
