import { buildFlussoRiversamento, parseFlussoRiversamento } from '@pagamenti/pagopa/soap';
import { officialSchemasMissingReason, validateMessageWithOfficialXsd } from '@pagamenti/pagopa/testing';
import { buildReceipt } from '../node/receipts';
import { PSPS } from '../psp/psps';
import { MULTI_BENEFICIARY_PAYMENT } from '../testing/fixtures';
import {
  flowDocument,
  flowId,
  groupIntoFlows,
  regulationId,
  reportableTransfers,
  type ReportableTransfer,
} from './flows';

const [bank, post] = [PSPS[0]!, PSPS[1]!];

function transfer(over: Partial<ReportableTransfer>): ReportableTransfer {
  return {
    receiptId: 'f'.repeat(32),
    iuv: '07000000000000001',
    idTransfer: 1,
    amountCents: 1000,
    receiverFiscalCode: '99000000010',
    iban: 'IT29K0538715400000000100000',
    pspId: bank.idPSP,
    settlementDate: '2025-07-07',
    paymentDate: '2025-07-04',
    standIn: false,
    ...over,
  };
}

describe('reporting flows', () => {
  it('reports every transfer with an IBAN, on the receipt transferDate or a forced day', () => {
    const paidAt = new Date('2025-07-04T08:00:00Z');
    const payment = {
      ...MULTI_BENEFICIARY_PAYMENT,
      paymentAmount: 11_016,
      transferList: { transfer: MULTI_BENEFICIARY_PAYMENT.transferList.transfer.slice(0, 2) },
    };
    const receipt = buildReceipt({
      token: 'e'.repeat(32),
      qrCode: { fiscalCode: '99000000010', noticeNumber: '307000000000012345' },
      payment,
      psp: bank,
      paidAt,
      standIn: false,
    });
    const lines = reportableTransfers(receipt, paidAt, {});
    expect(lines.map((l) => [l.idTransfer, l.receiverFiscalCode, l.amountCents, l.settlementDate])).toEqual([
      [1, '99000000010', 10_000, '2025-07-07'],
      [2, '99001047309', 1_016, '2025-07-07'],
    ]);
    expect(lines[0]).toMatchObject({
      iuv: '07000000000012345',
      receiptId: 'e'.repeat(32),
      paymentDate: '2025-07-04',
    });
    expect(reportableTransfers(receipt, paidAt, { '1': 'x' }).map((l) => l.idTransfer)).toEqual([2]);
    expect(reportableTransfers(receipt, paidAt, {}, '2025-07-10')[0]?.settlementDate).toBe('2025-07-10');
  });

  it('makes one flow per PSP, receiving entity, account and settlement day', () => {
    const groups = groupIntoFlows([
      transfer({ iuv: '2', receiptId: 'b'.repeat(32) }),
      transfer({ iuv: '1', receiptId: 'a'.repeat(32) }),
      transfer({ pspId: post.idPSP }),
      transfer({ receiverFiscalCode: '99001047309', iban: 'IT36L0538715400000000101013' }),
      transfer({ iban: 'IT18X0760115400000001000000' }),
      transfer({ settlementDate: '2025-07-08' }),
    ]);
    expect(
      groups.map((g) => [g.settlementDate, g.pspId, g.receiverFiscalCode, g.iban, g.transfers.length]),
    ).toEqual([
      ['2025-07-07', bank.idPSP, '99000000010', 'IT18X0760115400000001000000', 1],
      ['2025-07-07', bank.idPSP, '99000000010', 'IT29K0538715400000000100000', 2],
      ['2025-07-07', bank.idPSP, '99001047309', 'IT36L0538715400000000101013', 1],
      ['2025-07-07', post.idPSP, '99000000010', 'IT29K0538715400000000100000', 1],
      ['2025-07-08', bank.idPSP, '99000000010', 'IT29K0538715400000000100000', 1],
    ]);
    expect(groups[1]?.transfers.map((t) => t.iuv)).toEqual(['1', '2']);
  });

  it('names flows <date><idPSP>-<n> within 35 characters', () => {
    expect(flowId('2025-07-07', bank.idPSP, 3)).toBe(`2025-07-07${bank.idPSP}-3`);
    expect(() => flowId('2025-07-07', 'X'.repeat(30), 1)).toThrow(RangeError);
    expect(regulationId(bank, flowId('2025-07-07', bank.idPSP, 1))).toMatch(/^\d{5}20250707[0-9A-F]{16}$/);
  });

  it('builds a FlussoRiversamento whose totals add up, Stand-In lines with outcome 4', async () => {
    const group = groupIntoFlows([
      transfer({ amountCents: 1234, receiptId: 'a'.repeat(32) }),
      transfer({ amountCents: 766, idTransfer: 2, receiptId: 'a'.repeat(32) }),
      transfer({ amountCents: 500, receiptId: 'c'.repeat(32), iuv: '07000000000000002', standIn: true }),
    ])[0]!;
    const id = flowId(group.settlementDate, bank.idPSP, 1);
    const document = flowDocument(
      group,
      id,
      { psp: bank, receiverName: 'Regione Abruzzo' },
      '2025-07-07T09:00:00',
    );
    expect(document).toMatchObject({
      identificativoFlusso: id,
      dataRegolamento: '2025-07-07',
      istitutoMittente: {
        identificativoUnivocoMittente: {
          tipoIdentificativoUnivoco: 'B',
          codiceIdentificativoUnivoco: bank.idPSP,
        },
      },
      istitutoRicevente: {
        identificativoUnivocoRicevente: {
          tipoIdentificativoUnivoco: 'G',
          codiceIdentificativoUnivoco: '99000000010',
        },
      },
      numeroTotalePagamenti: 3,
      importoTotalePagamenti: 2500,
    });
    expect(
      document.datiSingoliPagamenti.map((d) => [d.indiceDatiSingoloPagamento, d.codiceEsitoSingoloPagamento]),
    ).toEqual([
      [1, '0'],
      [2, '0'],
      [1, '4'],
    ]);
    const xml = buildFlussoRiversamento(document);
    const parsed = parseFlussoRiversamento(xml);
    expect(parsed.ok && parsed.value.importoTotalePagamenti).toBe(2500);
    if (!officialSchemasMissingReason())
      expect(await validateMessageWithOfficialXsd(xml)).toEqual({ valid: true, errors: [] });
  });
});
