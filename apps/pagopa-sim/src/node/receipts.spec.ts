import { buildPaForNodeRequest } from '@pagamenti/pagopa/soap';
import { officialSchemasMissingReason, validateMessageWithOfficialXsd } from '@pagamenti/pagopa/testing';
import { StampIssuer } from '../psp/marca-da-bollo';
import { PSPS } from '../psp/psps';
import { MULTI_BENEFICIARY_PAYMENT } from '../testing/fixtures';
import { buildReceipt, newPaymentToken, NotExpressibleInV1, paymentAsV2, toReceiptV1 } from './receipts';

const psp = PSPS[2]!; // percentage fee
const header = { idPA: '99000000010', idBrokerPA: '99000000010', idStation: '99000000010_01' };
const qrCode = { fiscalCode: '99000000010', noticeNumber: '307000000000012345' };
const paidAt = new Date('2025-07-04T12:30:00Z'); // Friday 14:30 in Rome
const stamps = new StampIssuer();

function receipt() {
  const stamp = MULTI_BENEFICIARY_PAYMENT.transferList.transfer[2]!;
  return buildReceipt({
    token: 'a'.repeat(32),
    qrCode,
    payment: MULTI_BENEFICIARY_PAYMENT,
    psp,
    paidAt,
    standIn: false,
    paymentNote: 'carrello-42',
    stampAttachments: new Map([[3, stamps.issue(psp, stamp.richiestaMarcaDaBollo!, 1600, paidAt)]]),
  });
}

describe('receipt building', () => {
  it('uses a 32-hex payment token as receipt id', () => {
    expect(newPaymentToken()).toMatch(/^[0-9a-f]{32}$/);
    expect(newPaymentToken()).not.toBe(newPaymentToken());
  });

  it('echoes the activation and adds the PSP, the fee and the dates', () => {
    const r = receipt();
    expect(r).toMatchObject({
      receiptId: 'a'.repeat(32),
      noticeNumber: qrCode.noticeNumber,
      fiscalCode: '99000000010',
      outcome: 'OK',
      creditorReferenceId: '07000000000012345',
      paymentAmount: 12_616,
      description: 'TARI 2025 - rata unica',
      companyName: 'Regione Abruzzo',
      debtor: MULTI_BENEFICIARY_PAYMENT.debtor,
      payer: MULTI_BENEFICIARY_PAYMENT.debtor,
      idPSP: psp.idPSP,
      PSPCompanyName: psp.companyName,
      idChannel: psp.idChannel,
      paymentMethod: 'creditCard',
      paymentNote: 'carrello-42',
      fee: 126, // 1% of 126.16 €
      idBundle: psp.idBundle,
      paymentDateTime: '2025-07-04T14:30:00',
      applicationDate: '2025-07-05', // after 13:00
      transferDate: '2025-07-07', // next business day
      metadata: MULTI_BENEFICIARY_PAYMENT.metadata,
      standIn: false,
    });
    expect(r.transferList.transfer.map((t) => [t.idTransfer, t.fiscalCodePA, t.transferAmount])).toEqual([
      [1, '99000000010', 10_000],
      [2, '99001047309', 1_016],
      [3, '99000000010', 1_600],
    ]);
    expect(r.transferList.transfer[0]).toMatchObject({
      IBAN: 'IT29K0538715400000000100000',
      metadata: { mapEntry: [{ key: 'RC_AC_1', value: '2025' }] },
    });
    const stampDocument = Buffer.from(r.transferList.transfer[2]!.MBDAttachment!, 'base64').toString('utf8');
    expect(stampDocument).toContain(
      '<marcaDaBollo xmlns="http://www.agenziaentrate.gov.it/2014/MarcaDaBollo"',
    );
    expect(stampDocument).toContain(
      MULTI_BENEFICIARY_PAYMENT.transferList.transfer[2]!.richiestaMarcaDaBollo!.hashDocumento,
    );
    expect(stampDocument).toContain('<ds:SignatureValue>');
  });

  it('refuses a stamp transfer without its document, and V1 receipts with a stamp', () => {
    expect(() =>
      buildReceipt({
        token: 'b'.repeat(32),
        qrCode,
        payment: MULTI_BENEFICIARY_PAYMENT,
        psp,
        paidAt,
        standIn: false,
      }),
    ).toThrow(/marca da bollo/);
    expect(() => toReceiptV1(receipt())).toThrow(NotExpressibleInV1);
  });

  it('turns a V1 activation into the V2 shape and back into a V1 receipt', () => {
    const v1 = {
      ...MULTI_BENEFICIARY_PAYMENT,
      companyName: undefined,
      transferList: {
        transfer: MULTI_BENEFICIARY_PAYMENT.transferList.transfer
          .slice(0, 2)
          .map((t) => ({ ...t, IBAN: t.IBAN! })),
      },
      paymentAmount: 11_016,
    };
    const payment = paymentAsV2(v1, 'Nome dalla verifica');
    expect(payment.companyName).toBe('Nome dalla verifica');
    const r = toReceiptV1(
      buildReceipt({ token: 'c'.repeat(32), qrCode, payment, psp, paidAt, standIn: true }),
    );
    expect(r).not.toHaveProperty('paymentNote');
    expect(r.standIn).toBe(true);
    expect(r.transferList.transfer).toHaveLength(2);
  });

  const skipReason = officialSchemasMissingReason();
  (skipReason ? it.skip : it)(
    'produces paSendRTV2 and paSendRT requests valid against the official XSD',
    async () => {
      const v2 = buildPaForNodeRequest('paSendRTV2', { ...header, receipt: receipt() });
      expect(await validateMessageWithOfficialXsd(v2)).toEqual({ valid: true, errors: [] });
      const payment = { ...MULTI_BENEFICIARY_PAYMENT, paymentAmount: 11_016 };
      payment.transferList = { transfer: payment.transferList.transfer.slice(0, 2) };
      const v1 = buildPaForNodeRequest('paSendRT', {
        ...header,
        receipt: toReceiptV1(
          buildReceipt({ token: 'd'.repeat(32), qrCode, payment, psp, paidAt, standIn: true }),
        ),
      });
      expect(await validateMessageWithOfficialXsd(v1)).toEqual({ valid: true, errors: [] });
    },
  );
  if (skipReason) process.stderr.write(`${skipReason}\n`);
});
