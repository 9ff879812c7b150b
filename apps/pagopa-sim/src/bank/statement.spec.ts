import { parseXmlSafely, type XmlElement } from '@pagamenti/pagopa/soap';
import { type BankCredit, remittanceFor, statementCamt053, statementCsv } from './statement';

const credit: BankCredit = {
  reference: 'TSD2025070700000001',
  iban: 'IT29K0538715400000000100000',
  receiverFiscalCode: '99000000010',
  receiverName: 'Regione Abruzzo',
  bookingDate: '2025-07-07',
  valueDate: '2025-07-07',
  amountCents: 123_456,
  debtorName: 'Banca Demo Adriatica S.p.A. Servizio pagoPA',
  debtorBic: 'BDMOITM1XXX',
  transactionId: '039992025070712AB34CD56EF7890',
  endToEndId: '2025-07-07BDMOITM1XXX-1',
  remittance: remittanceFor('2025-07-07BDMOITM1XXX-1'),
  flowId: '2025-07-07BDMOITM1XXX-1',
};

function find(element: XmlElement, path: string[]): XmlElement[] {
  if (path.length === 0) return [element];
  return element.children.filter((c) => c.localName === path[0]).flatMap((c) => find(c, path.slice(1)));
}

describe('treasury statement', () => {
  it('carries the flow id in the remittance, in the form reconciliation looks for', () => {
    expect(remittanceFor('2025-07-07BDMOITM1XXX-1')).toBe(
      '/PUR/LGPE-RIVERSAMENTO/URI/2025-07-07BDMOITM1XXX-1',
    );
  });

  it('writes an Italian home-banking CSV', () => {
    const csv = statementCsv([credit, { ...credit, amountCents: 5, debtorName: 'Nome; con "virgolette"' }]);
    const [header, first, second] = csv.split('\r\n');
    expect(header).toBe(
      'IBAN;DATA CONTABILE;DATA VALUTA;IMPORTO;SEGNO;DIVISA;ORDINANTE;BIC ORDINANTE;CAUSALE;TRN;END TO END ID;RIF. BANCA',
    );
    expect(first).toBe(
      'IT29K0538715400000000100000;07/07/2025;07/07/2025;1234,56;C;EUR;Banca Demo Adriatica S.p.A. Servizio pagoPA;BDMOITM1XXX;/PUR/LGPE-RIVERSAMENTO/URI/2025-07-07BDMOITM1XXX-1;039992025070712AB34CD56EF7890;2025-07-07BDMOITM1XXX-1;TSD2025070700000001',
    );
    expect(second).toContain(';0,05;C;EUR;"Nome; con ""virgolette""";');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('writes a camt.053 statement with balances and one booked credit per flow', () => {
    const xml = statementCamt053(
      { date: '2025-07-07', bankBic: 'TSDMITR1XXX', createdAt: '2025-07-07T18:00:00', sequence: 3 },
      [
        {
          iban: credit.iban,
          ownerName: credit.receiverName,
          openingBalanceCents: 1000,
          credits: [credit, { ...credit, amountCents: 44 }],
        },
      ],
    );
    const document = parseXmlSafely(xml);
    expect(document.namespace).toBe('urn:iso:std:iso:20022:tech:xsd:camt.053.001.02');
    const [statement] = find(document, ['BkToCstmrStmt', 'Stmt']);
    expect(find(statement!, ['Acct', 'Id', 'IBAN'])[0]?.text).toBe(credit.iban);
    const balances = find(statement!, ['Bal']).map((b) => [
      find(b, ['Tp', 'CdOrPrtry', 'Cd'])[0]?.text,
      find(b, ['Amt'])[0]?.text,
    ]);
    expect(balances).toEqual([
      ['OPBD', '10.00'],
      ['CLBD', '1245.00'],
    ]);
    const entries = find(statement!, ['Ntry']);
    expect(entries).toHaveLength(2);
    expect(find(entries[0]!, ['Amt'])[0]?.text).toBe('1234.56');
    expect(find(entries[0]!, ['CdtDbtInd'])[0]?.text).toBe('CRDT');
    expect(find(entries[0]!, ['NtryDtls', 'TxDtls', 'RmtInf', 'Ustrd'])[0]?.text).toBe(credit.remittance);
    expect(find(entries[0]!, ['NtryDtls', 'TxDtls', 'Refs', 'TxId'])[0]?.text).toBe(credit.transactionId);
    expect(find(entries[0]!, ['NtryDtls', 'TxDtls', 'RltdPties', 'Dbtr', 'Nm'])[0]?.text).toBe(
      credit.debtorName,
    );
  });
});
