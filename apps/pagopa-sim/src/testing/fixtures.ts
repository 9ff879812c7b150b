import { type PaymentPAV2, type Subject } from '@pagamenti/pagopa/soap';

/** Test data shaped like the station's answers (fictitious people, entities of tools/demo). */
export const DEBTOR: Subject = {
  uniqueIdentifier: { entityUniqueIdentifierType: 'F', entityUniqueIdentifierValue: 'RSSMRA80A01H501U' },
  fullName: 'Mario Rossi',
  city: 'Pineto',
  country: 'IT',
  email: 'mario.rossi@example.it',
};

/** A TARI-like payment: the municipality's share, the province's TEFA, and a revenue stamp. */
export const MULTI_BENEFICIARY_PAYMENT: PaymentPAV2 = {
  creditorReferenceId: '07000000000012345',
  paymentAmount: 12_616,
  dueDate: '2025-09-30',
  description: 'TARI 2025 - rata unica',
  companyName: 'Regione Abruzzo',
  debtor: DEBTOR,
  transferList: {
    transfer: [
      {
        idTransfer: 1,
        transferAmount: 10_000,
        fiscalCodePA: '99000000010',
        IBAN: 'IT29K0538715400000000100000',
        remittanceInformation: 'TARI 2025',
        transferCategory: '9/0101101IM/',
        metadata: { mapEntry: [{ key: 'RC_AC_1', value: '2025' }] },
      },
      {
        idTransfer: 2,
        transferAmount: 1_016,
        fiscalCodePA: '99001047309',
        companyName: 'ASL 01',
        IBAN: 'IT36L0538715400000000101013',
        remittanceInformation: 'TEFA 2025',
        transferCategory: '9/0201102IM/',
      },
      {
        idTransfer: 3,
        transferAmount: 1_600,
        fiscalCodePA: '99000000010',
        richiestaMarcaDaBollo: {
          hashDocumento: 'cXVlc3RvIMOoIGlsIGRvY3VtZW50byBkYSBib2xsYXJlIQ==',
          tipoBollo: '01',
          provinciaResidenza: 'TE',
        },
        remittanceInformation: 'Imposta di bollo',
        transferCategory: '9/0101101IM/',
      },
    ],
  },
  metadata: { mapEntry: [{ key: 'idPosizione', value: 'TARI-2025-000123' }] },
};
