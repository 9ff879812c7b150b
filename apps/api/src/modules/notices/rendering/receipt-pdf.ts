import { formatNoticeNumber } from '@pagamenti/pagopa';
import type { Column, Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ReceiptDocument, ReceiptTransfer } from './documents';
import { imageContent } from './images';
import { mm, renderPdf } from './pdfmake-setup';

const MUTED = '#5C6F82';
const DIVIDER = '#E3E7EB';
const BLUE = '#0066CC';
const MONO = 'RobotoMono';
const CONTENT_WIDTH = mm(190);

/** Receipt amounts: Italian locale, 2 decimals, " €" suffix ("1.501,00 €"). */
export function formatReceiptAmount(cents: number): string {
  const euros = String(Math.trunc(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${euros},${String(cents % 100).padStart(2, '0')} €`;
}

/** "24 ottobre 2022, 18:45:56" in Europe/Rome. */
export function formatReceiptDateTime(iso: string): string {
  const date = new Date(/[zZ]|[+-]\d{2}:?\d{2}$/.test(iso) ? iso : `${iso}Z`);
  if (Number.isNaN(date.getTime())) throw new RangeError(`invalid date-time: ${iso}`);
  const parts = new Intl.DateTimeFormat('it-IT', {
    timeZone: 'Europe/Rome',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).formatToParts(date);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('day')} ${get('month')} ${get('year')}, ${get('hour')}:${get('minute')}:${get('second')}`;
}

const capitalise = (name: string): string =>
  name.toLowerCase().replace(/(^|[\s'-])\p{L}/gu, (m) => m.toUpperCase());

const divider = (): Content => ({
  canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: mm(0.5), lineColor: DIVIDER }],
  margin: [0, mm(6), 0, mm(6)],
});

function pair(key: string, value: Content): Content {
  return { stack: [{ text: key, fontSize: 9 }, value], margin: [0, 0, 0, mm(4)] };
}

const code = (text: string): Content => ({ text: text.toUpperCase(), font: MONO, fontSize: 10 });
const strong = (text: string, fontSize = 12): Content => ({ text, bold: true, fontSize });

function transferBlock(transfer: ReceiptTransfer): Content[] {
  const reference =
    transfer.reference.type === 'noticeNumber'
      ? { label: 'Codice avviso', value: formatNoticeNumber(transfer.reference.value) }
      : { label: 'IUV', value: transfer.reference.value };
  const columns: Column[] = [];
  if (transfer.debtor?.fiscalCode || transfer.debtor?.fullName) {
    columns.push({
      width: mm(61.3),
      stack: [
        { text: 'Debitore', fontSize: 9 },
        ...(transfer.debtor.fullName ? [strong(capitalise(transfer.debtor.fullName), 10)] : []),
        ...(transfer.debtor.fiscalCode ? [code(transfer.debtor.fiscalCode)] : []),
      ],
    });
  }
  columns.push(
    {
      width: '*',
      stack: [
        { text: 'Ente Creditore', fontSize: 9 },
        strong(transfer.payee.name, 10),
        code(transfer.payee.fiscalCode),
      ],
    },
    {
      width: 'auto',
      alignment: 'right',
      stack: [
        { text: reference.label, fontSize: 9 },
        code(reference.value),
        { text: 'Importo', fontSize: 9, margin: [0, mm(5), 0, 0] },
        strong(formatReceiptAmount(transfer.amountCents), 10),
      ],
    },
  );
  return [
    { text: transfer.subject.toUpperCase(), bold: true, fontSize: 10, margin: [0, 0, 0, mm(3)] },
    { columns, columnGap: mm(3) },
    divider(),
  ];
}

export function receiptDefinition(doc: ReceiptDocument): TDocumentDefinitions {
  const left: Content[] = [];
  const right: Content[] = [];
  if (!doc.requestedByDebtor && doc.payer) {
    left.push(
      pair('Eseguito da', {
        stack: [
          ...(doc.payer.fullName ? [strong(capitalise(doc.payer.fullName))] : []),
          code(doc.payer.fiscalCode),
        ],
      }),
    );
  }
  if (doc.rrn) left.push(pair('ID transazione (RRN)', code(doc.rrn)));
  if (doc.authCode) left.push(pair('Codice autorizzativo', code(doc.authCode)));
  if (!doc.requestedByDebtor && doc.paymentMethod)
    right.push(pair('Metodo di pagamento', strong(doc.paymentMethod)));
  if (!doc.requestedByDebtor && doc.accountHolder)
    right.push(pair('Intestato a', strong(capitalise(doc.accountHolder))));
  if (doc.psp) right.push(pair('Gestore della transazione (PSP)', strong(doc.psp.name)));
  right.push(pair('Data e ora', strong(formatReceiptDateTime(doc.paidAt))));

  const partial = doc.transfers.reduce((sum, transfer) => sum + transfer.amountCents, 0);
  const totals: Content[][] = [];
  if (doc.transfers.length > 1)
    totals.push([{ text: 'Importo parziale', fontSize: 9 }, strong(formatReceiptAmount(partial))]);
  if (doc.feeCents !== undefined) {
    totals.push([
      { text: `Commissione (applicata da ${doc.psp?.name ?? 'PSP'})`, fontSize: 9 },
      strong(formatReceiptAmount(doc.feeCents)),
    ]);
  }
  totals.push([{ text: 'Totale', fontSize: 9, bold: true }, strong(formatReceiptAmount(doc.totalCents), 16)]);

  const footer: Content[] = [
    {
      text: "Questa ricevuta è la prova dell'avvenuto pagamento. La quietanza di pagamento è rilasciata dall'Ente Creditore.",
      bold: true,
    },
  ];
  if (doc.feeCents === undefined) {
    footer.push({
      text: 'L’importo totale potrebbe non comprendere le commissioni applicate dal gestore della transazione.',
    });
  }
  footer.push(
    {
      text: 'Il pagamento è stato eseguito tramite la piattaforma pagoPA, che non trattiene né finanzia gli importi pagati.',
    },
    {
      columns: [
        {
          width: mm(114),
          stack: [
            { text: 'Ricevuta trasmessa da', bold: true },
            'PagoPA S.p.A.',
            'Piazza Colonna 370, 00187 Roma (RM)',
          ],
        },
        {
          width: '*',
          stack: doc.psp
            ? [
                { text: 'Pagamento gestito da', bold: true },
                doc.psp.companyName ?? doc.psp.name,
                ...(doc.psp.address ? [doc.psp.address] : []),
              ]
            : [],
        },
      ],
      margin: [0, mm(2), 0, mm(2)],
    },
    {
      text: ['Per assistenza indica l’identificativo della ricevuta: ', { text: doc.receiptId, font: MONO }],
    },
  );

  const header: Content[] = [
    { text: 'pagoPA', bold: true, fontSize: 15, color: BLUE, absolutePosition: { x: mm(10), y: mm(9.2) } },
    { text: 'RICEVUTA DI PAGAMENTO', bold: true, fontSize: 10, absolutePosition: { x: mm(33), y: mm(10.4) } },
  ];
  if (doc.psp?.logo) {
    header.push(
      {
        text: 'Per conto di',
        fontSize: 9,
        color: MUTED,
        absolutePosition: { x: mm(150), y: mm(10.4) },
        alignment: 'right',
        width: mm(50),
      } as Content,
      { stack: [imageContent(doc.psp.logo, mm(35), mm(7.5))], absolutePosition: { x: mm(165), y: mm(16) } },
    );
  }
  return {
    pageSize: 'A4',
    pageMargins: [mm(10), mm(28), mm(10), mm(10)],
    info: { title: `Ricevuta di pagamento ${doc.receiptId}`, creator: 'Piattaforma pagamenti pagoPA' },
    defaultStyle: { font: 'Titillium', fontSize: 10, lineHeight: 1 },
    header: () => ({ stack: header }),
    content: [
      {
        columns: [
          { width: mm(95), stack: left },
          { width: '*', stack: right },
        ],
        columnGap: mm(4),
      },
      divider(),
      ...doc.transfers.flatMap((transfer) => ({ stack: transferBlock(transfer), unbreakable: true })),
      {
        table: {
          widths: [mm(142.5) - mm(10), '*'],
          body: totals.map(
            ([label, value]) =>
              [
                { ...(label as object), alignment: 'right' },
                { ...(value as object), alignment: 'right' },
              ] as Content[],
          ),
        },
        layout: 'noBorders',
        margin: [0, 0, 0, mm(10)],
      },
      { stack: footer, fontSize: 9, color: MUTED, lineHeight: 1.1, unbreakable: true },
    ],
  };
}

/** Renders a payment receipt ("Ricevuta di pagamento", notice-layout.md §8) to an A4 PDF. */
export function renderReceiptPdf(doc: ReceiptDocument): Promise<Buffer> {
  return renderPdf(receiptDefinition(doc));
}
