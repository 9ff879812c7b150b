import { buildNoticeNumberAux3 } from '@pagamenti/pagopa';
import type { NoticeDocument, ReceiptDocument, RenderImage } from './documents';

/** Sample notices and receipts: the variants the read-back tests render and the benchmark repeats. */

export const SAMPLE_LOGO: RenderImage = {
  type: 'svg',
  data:
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 120" width="100" height="120">' +
    '<path d="M10 10h80v60c0 25-20 40-40 48C30 110 10 95 10 70z" fill="#0b5ea8"/>' +
    '<path d="M30 40h40v8H30zM30 56h40v8H30zM46 28h8v52h-8z" fill="#ffffff"/></svg>',
};

export const noticeNumber = (segment: string, base: number): string =>
  buildNoticeNumberAux3(segment, String(base).padStart(13, '0'));

export function singleNotice(overrides: Partial<NoticeDocument> = {}): NoticeDocument {
  return {
    notice: {
      subject: 'Tassa sui rifiuti (TARI) 2024 - saldo',
      noticeNumber: noticeNumber('01', 12345),
      amountCents: 150000,
      dueDate: '2024-12-31',
    },
    creditor: {
      fiscalCode: '01199250158',
      name: 'Comune di Pescara',
      sector: 'Settore Tributi',
      info: 'www.comune.pescara.it · tributi@comune.pescara.it · tel. 085 4283 1',
      cbill: 'AB1C2',
      logo: SAMPLE_LOGO,
      physicalChannel: undefined,
    },
    debtor: {
      fiscalCode: 'RSSMRA80A01H501U',
      fullName: 'Mario Rossi',
      address: 'Corso Vittorio Emanuele II',
      buildingNumber: '12',
      postalCode: '65121',
      city: 'Pescara',
      province: 'PE',
    },
    ...overrides,
  };
}

export const POSTAL = {
  accountNumber: '16302093',
  accountHolder: 'Comune di Pescara - Servizio Tesoreria',
  authorization: 'AUT. 123456 del 01/01/2024',
};

export function installmentNotice(count: number, postal = false): NoticeDocument {
  const base = singleNotice();
  const each = 50000;
  return {
    ...base,
    notice: {
      ...base.notice,
      amountCents: each * count,
      installments: Array.from({ length: count }, (_, i) => ({
        noticeNumber: noticeNumber('01', 20000 + i),
        amountCents: each,
        dueDate: `2025-${String(i + 1).padStart(2, '0')}-28`,
      })),
    },
    creditor: { ...base.creditor, postal: postal ? POSTAL : undefined },
  };
}

export function bilingualNotice(lang: 'de' | 'en', bilingual = false): NoticeDocument {
  const base = singleNotice();
  return {
    ...base,
    secondLanguage: lang,
    bilingual,
    notice: {
      ...base.notice,
      subject: 'Tassa sui rifiuti 2024',
      subjectTranslated: lang === 'de' ? 'Müllabfuhrgebühr 2024' : 'Waste tax 2024',
    },
    creditor: {
      ...base.creditor,
      name: lang === 'de' ? 'Comune di Bolzano - Gemeinde Bozen' : 'Comune di Pescara',
    },
  };
}

export function sampleReceipt(overrides: Partial<ReceiptDocument> = {}): ReceiptDocument {
  return {
    receiptId: 'c6a1f0e2d3b44f5a9e8d7c6b5a4f3e2d',
    paidAt: '2024-10-24T16:45:56Z',
    totalCents: 150100,
    feeCents: 100,
    rrn: '223560110624',
    authCode: '045123',
    psp: { name: 'Banca Demo', companyName: 'Banca Demo S.p.A.', address: 'Via Roma 1, 00100 Roma (RM)' },
    paymentMethod: 'Carta di credito',
    accountHolder: 'Mario Rossi',
    payer: { fullName: 'MARIO ROSSI', fiscalCode: 'RSSMRA80A01H501U' },
    transfers: [
      {
        reference: { type: 'noticeNumber', value: noticeNumber('01', 12345) },
        subject: 'Tassa sui rifiuti (TARI) 2024 - saldo',
        debtor: { fullName: 'Mario Rossi', fiscalCode: 'RSSMRA80A01H501U' },
        payee: { name: 'Comune di Pescara', fiscalCode: '01199250158' },
        amountCents: 140000,
      },
      {
        reference: { type: 'noticeNumber', value: noticeNumber('01', 12345) },
        subject: 'Tributo provinciale per la tutela ambientale (TEFA)',
        debtor: { fullName: 'Mario Rossi', fiscalCode: 'RSSMRA80A01H501U' },
        payee: { name: 'Provincia di Pescara', fiscalCode: '80000110683' },
        amountCents: 10000,
      },
    ],
    ...overrides,
  };
}
