import { centsToDecimal } from '@pagamenti/pagopa';
import { escapeXml } from '@pagamenti/pagopa/soap';

/** A SEPA credit transfer the entity's treasury received: the PSP paying out one reporting flow. */
export interface BankCredit {
  /** The bank's own reference of the movement (AcctSvcrRef). */
  reference: string;
  /** Receiving account (the entity's). */
  iban: string;
  receiverFiscalCode: string;
  receiverName: string;
  /** `YYYY-MM-DD`. */
  bookingDate: string;
  valueDate: string;
  amountCents: number;
  /** Ordering party (SCT AT-02): "<PSP name> Servizio pagoPA". */
  debtorName: string;
  debtorBic: string;
  /** TRN = the flow's identificativoUnivocoRegolamento. */
  transactionId: string;
  endToEndId: string;
  /** Unstructured remittance information (AT-05). */
  remittance: string;
  flowId: string;
}

/** The remittance text a PSP writes on the credit transfer of a reporting flow (SPEC.md §11.2). */
export function remittanceFor(flowId: string): string {
  return `/PUR/LGPE-RIVERSAMENTO/URI/${flowId}`;
}

const CSV_HEADER = [
  'IBAN',
  'DATA CONTABILE',
  'DATA VALUTA',
  'IMPORTO',
  'SEGNO',
  'DIVISA',
  'ORDINANTE',
  'BIC ORDINANTE',
  'CAUSALE',
  'TRN',
  'END TO END ID',
  'RIF. BANCA',
];

function italianDate(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

function csvField(value: string): string {
  return /[;"\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The day's movements as a home-banking CSV export: `;`-separated, dates dd/mm/yyyy, amounts with a decimal comma,
 * sign C (credit), UTF-8, CRLF line ends; one row per credit, the flow id inside CAUSALE.
 */
export function statementCsv(credits: readonly BankCredit[]): string {
  const rows = credits.map((c) =>
    [
      c.iban,
      italianDate(c.bookingDate),
      italianDate(c.valueDate),
      centsToDecimal(c.amountCents).replace('.', ','),
      'C',
      'EUR',
      c.debtorName,
      c.debtorBic,
      c.remittance,
      c.transactionId,
      c.endToEndId,
      c.reference,
    ]
      .map(csvField)
      .join(';'),
  );
  return `${[CSV_HEADER.join(';'), ...rows].join('\r\n')}\r\n`;
}

export interface AccountStatement {
  iban: string;
  ownerName: string;
  /** Balance before the day's credits, in cents. */
  openingBalanceCents: number;
  credits: BankCredit[];
}

export interface StatementHeader {
  date: string;
  /** The bank that keeps the accounts (statement servicer). */
  bankBic: string;
  createdAt: string;
  sequence: number;
}

/**
 * The day's statement as ISO 20022 camt.053.001.02 (BkToCstmrStmt), one Stmt per account: opening and closing
 * booked balances, one booked entry per credit transfer (PMNT/RCDT/ESCT) with the remittance in RmtInf/Ustrd.
 */
export function statementCamt053(header: StatementHeader, accounts: readonly AccountStatement[]): string {
  const amount = (cents: number) => `<Amt Ccy="EUR">${centsToDecimal(cents)}</Amt>`;
  const balance = (code: 'OPBD' | 'CLBD', cents: number) =>
    `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp>${amount(cents)}<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>${header.date}</Dt></Dt></Bal>`;
  const msgId = `STMT${header.date.replace(/-/g, '')}${String(header.sequence).padStart(4, '0')}`;
  const statements = accounts.map((account, index) => {
    const closing = account.openingBalanceCents + account.credits.reduce((sum, c) => sum + c.amountCents, 0);
    const entries = account.credits
      .map(
        (c) =>
          `<Ntry>${amount(c.amountCents)}<CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>` +
          `<BookgDt><Dt>${c.bookingDate}</Dt></BookgDt><ValDt><Dt>${c.valueDate}</Dt></ValDt>` +
          `<AcctSvcrRef>${escapeXml(c.reference)}</AcctSvcrRef>` +
          `<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>` +
          `<NtryDtls><TxDtls><Refs><EndToEndId>${escapeXml(c.endToEndId)}</EndToEndId><TxId>${escapeXml(c.transactionId)}</TxId></Refs>` +
          `<AmtDtls><TxAmt>${amount(c.amountCents)}</TxAmt></AmtDtls>` +
          `<RltdPties><Dbtr><Nm>${escapeXml(c.debtorName)}</Nm></Dbtr></RltdPties>` +
          `<RltdAgts><DbtrAgt><FinInstnId><BIC>${escapeXml(c.debtorBic)}</BIC></FinInstnId></DbtrAgt></RltdAgts>` +
          `<RmtInf><Ustrd>${escapeXml(c.remittance)}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`,
      )
      .join('');
    return (
      `<Stmt><Id>${msgId}-${index + 1}</Id><ElctrncSeqNb>${header.sequence}</ElctrncSeqNb><CreDtTm>${header.createdAt}</CreDtTm>` +
      `<FrToDt><FrDtTm>${header.date}T00:00:00</FrDtTm><ToDtTm>${header.date}T23:59:59</ToDtTm></FrToDt>` +
      `<Acct><Id><IBAN>${escapeXml(account.iban)}</IBAN></Id><Ccy>EUR</Ccy><Ownr><Nm>${escapeXml(account.ownerName.slice(0, 140))}</Nm></Ownr>` +
      `<Svcr><FinInstnId><BIC>${escapeXml(header.bankBic)}</BIC></FinInstnId></Svcr></Acct>` +
      balance('OPBD', account.openingBalanceCents) +
      balance('CLBD', closing) +
      `<TxsSummry><TtlCdtNtries><NbOfNtries>${account.credits.length}</NbOfNtries><Sum>${centsToDecimal(closing - account.openingBalanceCents)}</Sum></TtlCdtNtries></TxsSummry>` +
      entries +
      `</Stmt>`
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>' +
    `<GrpHdr><MsgId>${msgId}</MsgId><CreDtTm>${header.createdAt}</CreDtTm></GrpHdr>` +
    statements.join('') +
    '</BkToCstmrStmt></Document>'
  );
}
